import { ApiError } from "../api/client";
import type { Reply } from "../api/types";
import { t } from "../i18n/strings";

export interface ClaimState {
  holder: string | null;
  since: string | null;
}

export function claimOf(reply: Reply): ClaimState {
  const claim = reply.claim;
  return { holder: claim?.claimedBy ?? claim?.by ?? null, since: claim?.claimedAt ?? claim?.since ?? null };
}

export function handledOf(reply: Reply): { by: string; at: string } | null {
  const by = reply.handled?.handledBy ?? reply.handled?.by ?? reply.handledBy;
  const at = reply.handled?.handledAt ?? reply.handled?.at ?? reply.handledAt;
  return by ? { by, at: at ?? "" } : null;
}

export function isPendingSync(reply: Reply): boolean {
  return reply.pendingSync === true || /pending/i.test(reply.syncStatus ?? "");
}

/** Short local date-time for status lines ("22.11.2026 09:15"). */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString("da-DK", { dateStyle: "short", timeStyle: "short" });
}

/**
 * Turns an API failure on a claim/handled action into the message the caseworker sees. A 409 names who holds the
 * reply (from the problem's extension members), a 412 means the view was stale.
 */
export function actionErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return `${t("error")}: ${String(error)}`;
  if (error.status === 409) {
    const p = error.problem;
    const holder = firstString(p["claimedBy"], p["holder"], p["heldBy"], p["by"]) ?? "?";
    const since = firstString(p["claimedAt"], p["since"], p["heldSince"]);
    return t("claimConflict", holder, formatWhen(since));
  }
  if (error.status === 412) return t("staleState");
  if (error.status === 0) return t("apiDown");
  return `${t("error")} ${error.status}: ${error.problem.detail ?? error.problem.title ?? ""}`.trim();
}

function firstString(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === "string" && value.length > 0) return value;
  return null;
}
