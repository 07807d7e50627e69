import type { CorrectionVerdict, Flag, FlagEvidence } from "../api/types";
import { t } from "../i18n/strings";
import { correctionActions, correctionLine, isRejected, rejectLabel } from "../logic/corrections";
import { flagTitle, formatDate, isOverdue } from "../logic/mapping";
import { el } from "./dom";

/** Called when the caseworker confirms or rejects a finding; null where the flags cannot be corrected (unregistered text). */
export type CorrectFinding = ((kind: string, verdict: CorrectionVerdict) => void) | null;

/**
 * Flags with evidence, due dates (overdue in red) and the rule each due date comes from. A corrected flag says who
 * confirmed or rejected it; a rejected one stays visible, struck through, without its due date counting as overdue.
 */
export function flagsView(flags: Flag[], showEvidence: ((e: FlagEvidence) => void) | null, correct: CorrectFinding = null): HTMLElement {
  if (flags.length === 0) return el("p", { class: "muted", id: "flags" }, t("noFlags"));
  const today = new Date();
  return el("ul", { class: "flags", id: "flags" }, ...flags.map((flag) => {
    const rejected = isRejected(flag);
    const overdue = !rejected && isOverdue(flag.dueDate, today);
    const state = correctionLine(flag);
    return el("li", {
      class: ["flag", flag.certainty === "Possible" ? "possible" : "", rejected ? "rejected" : ""].filter(Boolean).join(" "),
      "data-kind": flag.kind, "data-certainty": flag.certainty ?? "Certain", "data-verdict": flag.correction?.verdict,
    },
      el("strong", {}, flagTitle(flag.kind, flag.certainty)),
      state ? el("p", { class: rejected ? "correction hint" : "correction status success" }, state) : null,
      flag.certainty === "Possible" && flag.reason ? el("p", { class: "hint reason" }, flag.reason) : null,
      flag.subKind ? el("span", { class: "hint" }, ` (${flag.subKind})`) : null,
      // A rejected finding's due dates no longer apply; the flag stays only as the record of what was found.
      flag.dueDate && !rejected
        ? el("span", { class: overdue ? "due overdue" : "due" },
            ` ${t("dueDate")}: ${formatDate(flag.dueDate)}${overdue ? ` (${t("overdue")})` : ""}`)
        : null,
      correct ? correctionButtons(flag, correct) : null,
      rejected ? null : deadlinesView(flag, today),
      flag.inTime === null || flag.inTime === undefined ? null
        : el("p", { class: flag.inTime ? "hint" : "hint overdue" }, t(flag.inTime ? "complaintInTime" : "complaintLate")),
      el("ul", { class: "evidence" }, ...distinctEvidence(flag.evidence).map((e) => el("li", {},
        el("q", {}, e.text),
        showEvidence ? el("button", { type: "button", class: "link", onclick: () => showEvidence(e), "aria-label": `${t("showInDocument")}: ${e.text}` }, t("showInDocument")) : null))));
  }));
}

/** "Bekræft" and "Ikke aktindsigt" (or what the flag's kind calls for), as far as they would change anything. */
function correctionButtons(flag: Flag, correct: (kind: string, verdict: CorrectionVerdict) => void): HTMLElement {
  return el("div", { class: "actions correction-actions" }, ...correctionActions(flag).map((verdict) =>
    el("button", {
      type: "button", class: "small", "data-verdict": verdict, onclick: () => correct(flag.kind, verdict),
    }, verdict === "Rejected" ? rejectLabel(flag.kind) : t("confirmFinding"))));
}

/** The same words found twice (in the subject and the text, or by two lexicon entries) are shown once. */
function distinctEvidence(evidence: FlagEvidence[]): FlagEvidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = e.text.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every due date with the rule it comes from (aktindsigt has two: the 7- and the 14-working-day date). */
function deadlinesView(flag: Flag, today: Date): HTMLElement | null {
  if (flag.deadlines.length === 0) return flag.rule ? el("p", { class: "hint" }, flag.rule) : null;
  return el("ul", { class: "deadlines" }, ...flag.deadlines.map((d) =>
    el("li", { class: isOverdue(d.date, today) ? "hint overdue" : "hint" }, `${formatDate(d.date)}: ${d.rule}`)));
}
