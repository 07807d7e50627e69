import type { Flag, FlagEvidence } from "../api/types";
import { t } from "../i18n/strings";
import { flagTitle, formatDate, isOverdue } from "../logic/mapping";
import { el } from "./dom";

/** Flags with evidence, due dates (overdue in red) and the rule each due date comes from. */
export function flagsView(flags: Flag[], showEvidence: ((e: FlagEvidence) => void) | null): HTMLElement {
  if (flags.length === 0) return el("p", { class: "muted", id: "flags" }, t("noFlags"));
  const today = new Date();
  return el("ul", { class: "flags", id: "flags" }, ...flags.map((flag) =>
    el("li", { class: flag.certainty === "Possible" ? "flag possible" : "flag", "data-kind": flag.kind, "data-certainty": flag.certainty ?? "Certain" },
      el("strong", {}, flagTitle(flag.kind, flag.certainty)),
      flag.certainty === "Possible" && flag.reason ? el("p", { class: "hint reason" }, flag.reason) : null,
      flag.subKind ? el("span", { class: "hint" }, ` (${flag.subKind})`) : null,
      flag.dueDate
        ? el("span", { class: isOverdue(flag.dueDate, today) ? "due overdue" : "due" },
            ` ${t("dueDate")}: ${formatDate(flag.dueDate)}${isOverdue(flag.dueDate, today) ? ` (${t("overdue")})` : ""}`)
        : null,
      deadlinesView(flag, today),
      flag.inTime === null ? null
        : el("p", { class: flag.inTime ? "hint" : "hint overdue" }, t(flag.inTime ? "complaintInTime" : "complaintLate")),
      el("ul", { class: "evidence" }, ...distinctEvidence(flag.evidence).map((e) => el("li", {},
        el("q", {}, e.text),
        showEvidence ? el("button", { type: "button", class: "link", onclick: () => showEvidence(e), "aria-label": `${t("showInDocument")}: ${e.text}` }, t("showInDocument")) : null))))));
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
