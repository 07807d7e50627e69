import type { AnalyzeResult, ReplyPage } from "../api/types";
import { t } from "../i18n/strings";
import { clearHandled, readLetter, writeHandled, type LetterSnapshot } from "../word/document";
import { selectEvidence } from "../word/evidence";
import { Props } from "../word/properties";
import type { PaneContext } from "./context";
import { el, replace } from "./dom";
import { flagsView } from "./flagsView";
import { mountReplyPanel } from "./replyPanel";

/** Word "Indkommet svar": the registered reply's flags and claim/handled actions, or text screening if unregistered. */
export async function mountIndkommet(root: HTMLElement, ctx: PaneContext): Promise<void> {
  const letter = await readLetter();
  const replyId = letter.properties[Props.replyId] ?? (await findReplyId(ctx, letter));
  const showEvidence = (e: { text: string }): void => void selectEvidence(e.text);
  if (replyId) {
    await mountReplyPanel(root, ctx, replyId, {
      showEvidence,
      onHandled: (by, handled) => (handled ? writeHandled(by, new Date()) : clearHandled()),
    });
    return;
  }
  const analysis = await ctx.api.request<AnalyzeResult>("/api/v1/screening/analyze", {
    body: { subject: letter.title, text: letter.text, receivedAt: null },
  });
  replace(root,
    el("p", { class: "status info" }, t("notRegistered")),
    el("section", { class: "card" }, el("h2", {}, t("flags")), flagsView(analysis.body.flags, showEvidence)));
}

/** A WorkZone-journalized reply is known by its document id; look it up in the caseworker's team inbox. */
async function findReplyId(ctx: PaneContext, letter: LetterSnapshot): Promise<string | null> {
  if (!letter.documentId) return null;
  const team = encodeURIComponent(ctx.identity().team);
  const page = await ctx.api.request<ReplyPage>(`/api/v1/teams/${team}/replies?status=all`).catch(() => null);
  return page?.body.items.find((r) => r.documentId === letter.documentId)?.id ?? null;
}

/** A document is an incoming reply when it carries our reply id or WorkZone says so (document type "indgående"). */
export function looksLikeIncomingReply(letter: LetterSnapshot): boolean {
  return Boolean(letter.properties[Props.replyId]) || /indg[åa]+ende|incoming/i.test(letter.documentType ?? "");
}
