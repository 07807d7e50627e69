import type { Suggestion } from "../api/types";
import { t } from "../i18n/strings";
import { suggestRequestForMail } from "../logic/sendDecision";
import { readComposedMail, saveChoiceOnMail } from "../outlook/compose";
import type { PaneContext } from "./context";
import { el, replace, setStatus } from "./dom";
import { choiceForm, suggestionView } from "./suggestionView";

/** Outlook compose: the same suggestion for the mail; the choice is stored on the item for the send-time check. */
export async function mountOutlookCompose(root: HTMLElement, ctx: PaneContext): Promise<void> {
  const item = Office.context.mailbox.item as Office.MessageCompose;
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", id: "compose-status", hidden: true });
  const mail = await readComposedMail(item);
  const response = await ctx.api.request<Suggestion>("/api/v1/reply-options/suggest", { body: suggestRequestForMail({ ...mail, chosenOption: null }) });
  replace(root,
    el("p", { class: "hint" }, t("composeHint")),
    suggestionView(response.body, null),
    choiceForm(response.body.recommendation, mail.chosenOption, t("saveChoiceOnMail"), (choice) => {
      saveChoiceOnMail(item, choice.option, mail.recipient)
        .then(() => setStatus(status, "success", `${t("chooseOption")}: ${t(choice.option)}`))
        .catch((error: Error) => setStatus(status, "error", error.message));
    }),
    status);
}
