import type { CorrectionVerdict, Flag, FlagKind, ReplyHistoryEntry } from "../api/types";
import { t, type StringKey } from "../i18n/strings";
import { formatWhen } from "./replyState";

export const flagKinds: readonly FlagKind[] = ["AccessToRecordsRequest", "Complaint", "DeadlineExtensionRequest", "SelfServiceExemptionRequest"];

/** "Ikke aktindsigt", "Ikke en klage", …: the button that rejects a finding of the kind. */
export function rejectLabel(kind: string): string {
  const key = `not${kind}` as StringKey;
  return flagKinds.includes(kind as FlagKind) ? t(key) : kind;
}

/** A rejected finding stays on the reply, but it is no longer one to act on (no due date, not in the totals). */
export function isRejected(flag: Flag): boolean {
  return flag.correction?.verdict === "Rejected";
}

/** "Bekræftet af Anne Hansen 5. december 2026 kl. 09.14", or null when nobody has corrected the flag. */
export function correctionLine(flag: Flag): string | null {
  const c = flag.correction;
  if (!c) return null;
  const key: Record<CorrectionVerdict, StringKey> = { Confirmed: "confirmedBy", Rejected: "rejectedBy", Added: "addedBy" };
  return t(key[c.verdict], c.byName || c.by, formatWhen(c.at));
}

/** Which buttons a finding offers: "Bekræft" unless it already stands, "Ikke …" unless it is already rejected. */
export function correctionActions(flag: Flag): CorrectionVerdict[] {
  const verdict = flag.correction?.verdict;
  const stands = verdict === "Confirmed" || verdict === "Added";
  const actions: CorrectionVerdict[] = [];
  if (!stands) actions.push("Confirmed");
  if (verdict !== "Rejected") actions.push("Rejected");
  return actions;
}

/** The kinds "Tilføj fund …" offers: those not on the reply, and those added by hand and later rejected. */
export function addableKinds(flags: Flag[]): FlagKind[] {
  return flagKinds.filter((kind) => {
    const flag = flags.find((f) => f.kind === kind);
    return !flag || (flag.origin === "Caseworker" && isRejected(flag));
  });
}

const historyKinds: readonly string[] = [
  "Received", "Screened", "Claimed", "ClaimReleased", "ClaimTakenOver", "ClaimCleared", "MarkedHandled", "HandledUndone",
  "MetadataSynced", "MetadataSyncConflict", "MetadataSyncFailed", "MetadataSyncRequeued", "ContentPurged", "FindingCorrected",
];

/** Kinds whose detail is already the whole Danish sentence (who, when, what): "Overtaget af … fra …", "Rettet af …". */
const wholeSentences: readonly string[] = ["FindingCorrected", "ClaimTakenOver"];

/** One history line in the caseworker's words. */
export function historyLine(entry: ReplyHistoryEntry): string {
  if (wholeSentences.includes(entry.kind) && entry.detail) return entry.detail;
  const label = historyKinds.includes(entry.kind) ? t(`history${entry.kind}` as StringKey) : entry.kind;
  const detail = entry.kind === "Received" ? withoutRoutingCode(entry.detail) : entry.detail;
  return `${label} – ${entry.actor}, ${formatWhen(entry.at)}${detail ? `: ${detail}` : ""}`;
}

/**
 * Receipts stored before the API wrote only the Danish reason read "<routing code>: <Danish reason>"
 * ("GivenTeam: Team angivet ved modtagelsen."); the caseworker reads the reason, not the code.
 */
function withoutRoutingCode(detail: string | null | undefined): string | null | undefined {
  return detail?.replace(/^[A-Z][A-Za-z]+: /, "");
}
