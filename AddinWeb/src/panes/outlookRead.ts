import { findReply } from "../api/replyLookup";
import { t } from "../i18n/strings";
import { markMailHandled, readReceivedMail, unmarkMailHandled } from "../outlook/read";
import type { PaneContext } from "./context";
import { el, replace, setStatus } from "./dom";
import { mountReplyPanel } from "./replyPanel";
import { unregisteredView } from "./unregistered";

/** Outlook read: the reply's flags, claim and "SmartPost behandlet" (category + API when the reply is registered). */
export async function mountOutlookRead(root: HTMLElement, ctx: PaneContext): Promise<void> {
  const item = Office.context.mailbox.item as Office.MessageRead;
  const mail = await readReceivedMail(item);
  // A reply mail is registered with its internetMessageId as the document id.
  const reply = await findReply(ctx.api, { documentId: mail.internetMessageId }).catch(() => null);
  if (reply) {
    await mountReplyPanel(root, ctx, reply.id, {
      showEvidence: null,
      onHandled: async (_by, handled) => void (handled ? await markMailHandled(item) : await unmarkMailHandled(item)),
    });
    return;
  }
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", id: "read-status", hidden: true });
  replace(root,
    await unregisteredView(ctx, mail.subject, mail.bodyText, null),
    el("button", { type: "button", class: "primary", id: "mark-mail", onclick: () => {
      markMailHandled(item).then(() => setStatus(status, "success", t("categoryAdded")), (e: Error) => setStatus(status, "error", e.message));
    } }, t("markHandled")),
    status);
}
