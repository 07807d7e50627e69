// Smart Alerts handler (LaunchEvent OnMessageSend, SendMode SoftBlock). Bundled alone into send/onMessageSend.js:
// classic Outlook runs it in a JavaScript-only runtime — no DOM, no localStorage, no Office.onReady (REFERENCE.md).
import { ApiClient } from "../api/client";
import type { Suggestion } from "../api/types";
import { devHeaders, type PaneConfig } from "../auth/config";
import { setLanguage } from "../i18n/strings";
import { decideOnFailure, decideOnSend, suggestRequestForMail, type SendDecision } from "../logic/sendDecision";
import { readComposedMail } from "../outlook/compose";

/** Users see "taking longer" after about 5 s counted from Send, script load included: stay well inside it. */
export const sendCheckTimeoutMs = 3000;

declare const SMARTPOST_API_BASE: string; // set by the build (absolute: the runtime may have no page origin)
// OfficeRuntime.storage is the event runtime's storage (no localStorage there); the task pane writes the dev identity.
declare const OfficeRuntime: { storage: { getItem(key: string): Promise<string | null> } };

export function apiBase(): string {
  const origin = typeof location !== "undefined" ? location.origin : "";
  return /^https?:/.test(origin) ? origin : SMARTPOST_API_BASE;
}

async function sendHeaders(base: string): Promise<Record<string, string>> {
  const config = (await (await fetch(`${base}/addin/config.json`)).json()) as PaneConfig;
  if (config.devIdentity) {
    const stored = typeof OfficeRuntime !== "undefined" ? await OfficeRuntime.storage.getItem("smartpost.devIdentity") : null;
    const identity = stored ? (JSON.parse(stored) as { user: string; team: string }) : { user: "udvikler", team: "team-helbred" };
    return devHeaders(identity);
  }
  const token = await Office.auth.getAccessToken({ allowSignInPrompt: false });
  return { Authorization: `Bearer ${token}` };
}

/** Checks the mail against the guideline; calls event.completed exactly once, whatever happens. */
export async function onMessageSendHandler(event: Office.MailboxEvent): Promise<void> {
  let completed = false;
  const complete = (decision: SendDecision): void => {
    if (completed) return;
    completed = true;
    clearTimeout(guard);
    event.completed(decision);
  };
  // Reading the item and getting a token count against the same budget as the API call.
  const guard = setTimeout(() => complete(decideOnFailure("timeout", sendCheckTimeoutMs / 1000)), sendCheckTimeoutMs);
  try {
    setLanguage(Office.context.displayLanguage);
    const mail = await readComposedMail(Office.context.mailbox.item as Office.MessageCompose);
    const base = apiBase();
    const client = new ApiClient(base, () => sendHeaders(base));
    const response = await client.request<Suggestion>("/api/v1/reply-options/suggest", {
      body: suggestRequestForMail(mail),
      timeoutMs: sendCheckTimeoutMs,
    });
    complete(decideOnSend(response.body));
  } catch (error) {
    complete(decideOnFailure(error, sendCheckTimeoutMs / 1000));
  }
}

// The name must equal the manifest's LaunchEvent FunctionName.
Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
