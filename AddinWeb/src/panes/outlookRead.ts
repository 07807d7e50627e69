import type { AnalyzeResult, ReplyPage } from "../api/types";
import { t } from "../i18n/strings";
import { markMailHandled, readReceivedMail, unmarkMailHandled } from "../outlook/read";
import type { PaneContext } from "./context";
import { el, replace, setStatus } from "./dom";
import { flagsView } from "./flagsView";
import { mountReplyPanel } from "./replyPanel";

/** Outlook read: the reply's flags, claim and "SmartPost behandlet" (category + API when the reply is registered). */
export async function mountOutlookRead(root: HTMLElement, ctx: PaneContext): Promise<void> {
  const item = Office.context.mailbox.item as Office.MessageRead;
  const mail = await readReceivedMail(item);
  const team = encodeURIComponent(ctx.identity().team);
  const page = await ctx.api.request<ReplyPage>(`/api/v1/teams/${team}/replies?status=all`).catch(() => null);
  const reply = page?.body.items.find((r) => r.documentId === mail.internetMessageId);
  if (reply) {
    await mountReplyPanel(root, ctx, reply.id, {
      showEvidence: null,
      onHandled: async (_by, handled) => void (handled ? await markMailHandled(item) : await unmarkMailHandled(item)),
    });
    return;
  }
  const analysis = await ctx.api.request<AnalyzeResult>("/api/v1/screening/analyze", {
    body: { subject: mail.subject, text: mail.bodyText, receivedAt: null },
  });
  const status = el("p", { class: "status", role: "status", id: "read-status", hidden: true });
  replace(root,
    el("p", { class: "status info" }, t("notRegistered")),
    el("section", { class: "card" }, el("h2", {}, t("flags")), flagsView(analysis.body.flags, null)),
    el("button", { type: "button", class: "primary", id: "mark-mail", onclick: () => {
      markMailHandled(item).then(() => setStatus(status, "success", t("categoryAdded")), (e: Error) => setStatus(status, "error", e.message));
    } }, t("markHandled")),
    status);
}
