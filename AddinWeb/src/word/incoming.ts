import type { LetterSnapshot } from "./document";
import { Props } from "./properties";

/** A document is an incoming reply when it carries our reply id or WorkZone says so (document type "indgående"). */
export function looksLikeIncomingReply(letter: LetterSnapshot): boolean {
  return Boolean(letter.properties[Props.replyId]) || /indg[åa]+ende|incoming/i.test(letter.documentType ?? "");
}
