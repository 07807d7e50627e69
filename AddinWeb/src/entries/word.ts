import { t } from "../i18n/strings";
import { mountAfsendelse } from "../panes/afsendelse";
import { createPaneContext } from "../panes/context";
import { byId, el, replace } from "../panes/dom";
import { looksLikeIncomingReply, mountIndkommet } from "../panes/indkommet";
import { mountShell } from "../panes/shell";
import { readLetter } from "../word/document";

// Office.onReady only wires the UI; the Office work lives in src/word/*.ts.
void Office.onReady(async () => {
  const app = byId("app");
  try {
    const ctx = await createPaneContext(Office.context.displayLanguage);
    const incoming = looksLikeIncomingReply(await readLetter());
    await mountShell(app, ctx, [
      { id: "send", label: t("tabSend"), mount: (root) => mountAfsendelse(root, ctx) },
      { id: "incoming", label: t("tabIncoming"), mount: (root) => mountIndkommet(root, ctx) },
    ], incoming ? "incoming" : "send");
  } catch (error) {
    replace(app, el("p", { class: "status error" }, `${t("error")}: ${(error as Error).message}`));
  }
});
