import { t } from "../i18n/strings";
import { createPaneContext } from "../panes/context";
import { byId, el, replace } from "../panes/dom";
import { mountOutlookCompose } from "../panes/outlookCompose";
import { mountOutlookRead } from "../panes/outlookRead";
import { mountOutsideOffice, startPane } from "../panes/outsideOffice";
import { mountShell } from "../panes/shell";

// One entry for both Outlook surfaces; the page says which (outlook-compose.html / outlook-read.html).
startPane(async () => {
  const app = byId("app");
  try {
    const ctx = await createPaneContext(Office.context.displayLanguage);
    const compose = document.body.dataset.mode === "compose";
    await mountShell(app, ctx, [
      compose
        ? { id: "compose", label: t("tabSend"), mount: (root) => mountOutlookCompose(root, ctx) }
        : { id: "read", label: t("tabIncoming"), mount: (root) => mountOutlookRead(root, ctx) },
    ], compose ? "compose" : "read");
  } catch (error) {
    replace(app, el("p", { class: "status error" }, `${t("error")}: ${(error as Error).message}`));
  }
}, async () => mountOutsideOffice(byId("app"), await createPaneContext(navigator.language).catch(() => null)));
