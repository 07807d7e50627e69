import { findReply } from "../api/replyLookup";
import { clearHandled, readLetter, writeHandled, type LetterSnapshot } from "../word/document";
import { selectEvidence } from "../word/evidence";
import { Props } from "../word/properties";
import type { PaneContext } from "./context";
import { replace } from "./dom";
import { mountReplyPanel } from "./replyPanel";
import { unregisteredView } from "./unregistered";

/** Word "Indkommet svar": the registered reply's flags and claim/handled actions, or text screening if unregistered. */
export async function mountIndkommet(root: HTMLElement, ctx: PaneContext): Promise<void> {
  const letter = await readLetter();
  const replyId = await replyIdOf(ctx, letter);
  const showEvidence = (e: { text: string }): void => void selectEvidence(e.text);
  if (replyId !== null) {
    await mountReplyPanel(root, ctx, replyId, {
      showEvidence,
      onHandled: (by, handled) => (handled ? writeHandled(by, new Date()) : clearHandled()),
    });
    return;
  }
  replace(root, await unregisteredView(ctx, letter.title, letter.text, showEvidence));
}

/** The reply id property (set when the reply document was made from SmartPost), else a lookup by document id. */
async function replyIdOf(ctx: PaneContext, letter: LetterSnapshot): Promise<number | null> {
  const stored = Number(letter.properties[Props.replyId]);
  if (Number.isInteger(stored) && stored > 0) return stored;
  if (!letter.documentId) return null;
  const found = await findReply(ctx.api, { documentId: letter.documentId }).catch(() => null);
  return found?.id ?? null;
}
