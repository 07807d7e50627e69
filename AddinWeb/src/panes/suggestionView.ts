import type { Check, Evidence, ReplyOption, Suggestion } from "../api/types";
import { t } from "../i18n/strings";
import { checkText, optionLabel, replyOptions } from "../logic/mapping";
import { el } from "./dom";

export interface Choice {
  option: ReplyOption;
  overrideReason: string | null;
}

/** One-click fixes the host can carry out for a check (Word: insert text, highlight; every host: change the option). */
export interface CheckActions {
  insertComplaintGuidance?: (check: Check) => void;
  switchToWithReply?: () => void;
  highlight?: (check: Check) => void;
}

/** The recommendation, its rule, the checks (with their one-click fix) and the evidence (with "show in document" where the host can). */
export function suggestionView(suggestion: Suggestion, showEvidence: ((e: Evidence) => void) | null, actions: CheckActions = {}): HTMLElement {
  const checks = suggestion.checks.length
    ? el("ul", { class: "checks" }, ...suggestion.checks.map((c) =>
        el("li", { class: `check ${c.severity.toLowerCase()}`, "data-code": c.code }, checkText(c), fixButton(c, actions))))
    : el("p", { class: "muted" }, t("noChecks"));
  // Only evidence in the body can be selected in Word; title/document-type evidence is shown as text.
  const evidence = el("ul", { class: "evidence" }, ...suggestion.evidence.map((e) =>
    el("li", { "data-field": e.field },
      el("q", {}, e.text),
      e.field === "documentTitle" ? el("span", { class: "field-hint" }, ` (${t("inTitle")})`) : null,
      showEvidence && e.field === "text"
        ? el("button", { type: "button", class: "link", onclick: () => showEvidence(e), "aria-label": `${t("showInDocument")}: ${e.text}` }, t("showInDocument"))
        : null)));
  const rule = suggestion.matchedRule;
  return el("section", { class: "card", "aria-labelledby": "rec-heading" },
    el("h2", { id: "rec-heading" }, t("recommendation")),
    el("p", { class: `recommendation ${suggestion.recommendation}`, id: "recommendation" }, optionLabel(suggestion.recommendation)),
    el("dl", {},
      el("dt", {}, t("material")), el("dd", { id: "material" }, suggestion.material),
      el("dt", {}, t("category")), el("dd", { id: "category", "data-code": suggestion.category }, rule.name)),
    suggestion.conflict ? el("p", { class: "status warning" }, t("conflict")) : null,
    el("h3", {}, t("rule")),
    el("blockquote", { id: "guideline-line", cite: rule.id }, rule.guidelineLine),
    suggestion.reasons.length ? el("ul", { class: "reasons", "aria-label": t("reasons") }, ...suggestion.reasons.map((line) => el("li", {}, line))) : null,
    el("h3", {}, t("checks")), checks,
    suggestion.evidence.length ? el("h3", {}, t("evidence")) : null,
    suggestion.evidence.length ? evidence : null);
}

function fixButton(check: Check, actions: CheckActions): HTMLElement | null {
  const button = (id: string, label: string, onclick: () => void): HTMLElement =>
    el("button", { type: "button", class: "fix", id, onclick }, label);
  switch (check.code) {
    case "MissingComplaintGuidance":
      return actions.insertComplaintGuidance && check.kind
        ? button("insert-complaint-guidance", t("insertComplaintGuidance"), () => actions.insertComplaintGuidance!(check)) : null;
    case "QuestionWithoutReplyOption":
      return actions.switchToWithReply ? button("switch-to-with-reply", t("switchToWithReply"), actions.switchToWithReply) : null;
    case "ComplaintGuidanceInWithdrawal":
      return actions.highlight && check.evidence?.length
        ? button("highlight-complaint-guidance", t("highlightInDocument"), () => actions.highlight!(check)) : null;
    default:
      return null;
  }
}

/** Radio group for the option; an override of the suggestion reveals a required reason field. */
export function choiceForm(suggested: ReplyOption, initial: ReplyOption | null, submitLabel: string, onSubmit: (choice: Choice) => void): HTMLFormElement {
  const reason = el("textarea", { id: "override-reason", rows: "2", "aria-describedby": "override-hint" });
  const reasonRow = el("div", { class: "field", id: "override-row" },
    el("label", { for: "override-reason" }, t("overrideReason")), reason,
    el("p", { class: "hint", id: "override-hint" }, t("overrideReasonRequired")));
  const selected = (): ReplyOption => {
    const checked = form.querySelector<HTMLInputElement>("input[name=option]:checked");
    return (checked?.value as ReplyOption | undefined) ?? suggested;
  };
  const sync = (): void => {
    reasonRow.hidden = selected() === suggested;
    reason.required = !reasonRow.hidden;
  };
  const form = el("form", { class: "card", id: "choice-form", novalidate: true },
    el("fieldset", {},
      el("legend", {}, t("chooseOption")),
      ...replyOptions.map((option) => el("label", { class: "radio" },
        el("input", { type: "radio", name: "option", value: option, checked: option === (initial ?? suggested), onchange: sync }),
        ` ${optionLabel(option)}`))),
    reasonRow,
    el("button", { type: "submit", class: "primary", id: "submit-choice" }, submitLabel));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const option = selected();
    const text = reason.value.trim();
    if (option !== suggested && text.length === 0) {
      reason.setAttribute("aria-invalid", "true");
      reason.focus();
      return;
    }
    reason.removeAttribute("aria-invalid");
    onSubmit({ option, overrideReason: option === suggested ? null : text });
  });
  sync();
  return form;
}
