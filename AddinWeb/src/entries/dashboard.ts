import { t } from "../i18n/strings";
import { createPaneContext } from "../panes/context";
import { mountDashboard } from "../panes/dashboard";
import { byId, el, replace } from "../panes/dom";
import { mountShell } from "../panes/shell";

// A plain web page (browser or task pane): no Office.js needed.
void (async () => {
  const app = byId("app");
  try {
    const ctx = await createPaneContext(navigator.language);
    await mountShell(app, ctx, [{ id: "team", label: t("dashboardTitle"), mount: (root) => mountDashboard(root, ctx) }], "team");
  } catch (error) {
    replace(app, el("p", { class: "status error" }, `${t("error")}: ${(error as Error).message}`));
  }
})();
