import { ApiError } from "../api/client";
import type { ReplyDetail, ReplyState } from "../api/types";
import { language, t } from "../i18n/strings";

export function isPendingSync(reply: ReplyDetail): boolean {
  return reply.metadataSync === "PendingSync";
}

export function syncFailed(reply: ReplyDetail): boolean {
  return reply.metadataSync === "Failed";
}

export function isClaimedByOther(reply: ReplyState, user: string): boolean {
  return reply.claim !== null && reply.claim.by !== user;
}

/** A moment as caseworkers write it, in Danish time: "5. december 2026 kl. 09.14" (the API's DanishTime does the same). */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = { timeZone: "Europe/Copenhagen" } as const;
  const day = date.toLocaleDateString("da-DK", { ...zone, day: "numeric", month: "long", year: "numeric" });
  const time = date.toLocaleTimeString("da-DK", { ...zone, hour: "2-digit", minute: "2-digit" });
  return `${day} kl. ${time}`;
}

/** A moment in a dense list: "5. dec. 09.14" (Danish time); the year only when it is not this year's. */
export function shortWhen(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = { timeZone: "Europe/Copenhagen" } as const;
  const year = (d: Date): string => d.toLocaleDateString("da-DK", { ...zone, year: "numeric" });
  const day = date.toLocaleDateString("da-DK", { ...zone, day: "numeric", month: "short", ...(year(date) === year(now) ? {} : { year: "numeric" }) });
  const time = date.toLocaleTimeString("da-DK", { ...zone, hour: "2-digit", minute: "2-digit" });
  return `${day} ${time}`;
}

/**
 * Turns an API failure on a claim/handled action into the message the caseworker sees. A 409 names who holds the
 * reply (the problem's extension members holder/since/expiresAt, ReplyStateController.ClaimConflict), a 412 means the
 * view was stale.
 */
export function actionErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return `${t("error")}: ${String(error)}`;
  // A 409 without a holder is about the change itself (e.g. confirming a finding the screening never made): its detail says why.
  if (error.status === 409 && typeof error.problem["holder"] !== "string") return error.problem.detail ?? t("error");
  if (error.status === 409) {
    const holder = typeof error.problem["holder"] === "string" ? error.problem["holder"] : "?";
    const since = typeof error.problem["since"] === "string" ? error.problem["since"] : null;
    return t("claimConflict", holder, formatWhen(since));
  }
  if (error.status === 412) return t("staleState");
  // The API's refusals are written for caseworkers in Danish and say more than a generic line (who may take over,
  // which field is wrong); the English table keeps its own words.
  const danishDetail = language() === "da" ? firstError(error.problem.errors) ?? error.problem.detail : undefined;
  if (error.status === 403) return danishDetail ?? t("forbidden");
  if (error.status === 400 && danishDetail) return danishDetail;
  if (error.status === 0) return t("apiDown");
  return `${t("error")} ${error.status}: ${error.problem.detail ?? error.problem.title ?? ""}`.trim();
}

function firstError(errors: Record<string, string[]> | undefined): string | undefined {
  return errors ? Object.values(errors).flat()[0] : undefined;
}
