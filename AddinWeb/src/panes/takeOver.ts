import { t } from "../i18n/strings";
import { el, setStatus } from "./dom";

/**
 * "Overtag sagen" for a team lead when a colleague holds the reply (away, ill): folded away until asked for, and it
 * needs a reason, which the API records in the history with who held the reply.
 */
export function takeOverView(holder: string, takeOver: (reason: string) => Promise<void>): HTMLElement {
  const reason = el("textarea", { id: "takeover-reason", rows: "2", maxlength: "500", "aria-describedby": "takeover-hint" });
  const message = el("p", { class: "status", role: "alert", id: "takeover-message", hidden: true });
  const submit = el("button", { type: "button", id: "takeover-submit", class: "primary" }, t("takeOverSubmit"));
  submit.addEventListener("click", () => void (async () => {
    const why = reason.value.trim();
    if (!why) {
      setStatus(message, "error", t("takeOverReasonRequired"));
      reason.focus();
      return;
    }
    submit.disabled = true; // one take-over per click, however impatient
    try {
      await takeOver(why);
    } finally {
      submit.disabled = false;
    }
  })());
  return el("details", { class: "take-over", id: "takeover" },
    el("summary", {}, t("takeOver")),
    el("p", { class: "hint", id: "takeover-hint" }, t("takeOverHint", holder)),
    el("div", { class: "field" }, el("label", { for: "takeover-reason" }, t("takeOverReason")), reason),
    message,
    el("div", { class: "actions" }, submit));
}
