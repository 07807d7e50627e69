import type { DispatchRequest } from "../api/types";

/**
 * The Idempotency-Key of a dispatch: a hash of the request itself, so the same letter version (document, content,
 * choice, recipient) always goes with the same key and a retry or second click replays instead of sending again.
 * A changed request gets a new key; the API still answers a repeat of the same letter version with the first dispatch.
 */
export async function sendKey(request: DispatchRequest): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(request)));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return `send-${hex.slice(0, 40)}`;
}
