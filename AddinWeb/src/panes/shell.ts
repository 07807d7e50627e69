import { t } from "../i18n/strings";
import type { PaneContext } from "./context";
import { el, replace } from "./dom";
import { devIdentityPicker } from "./devIdentity";

export interface Tab {
  id: string;
  label: string;
  mount(root: HTMLElement): Promise<void>;
}

/** Header (title + Development identity) and keyboard-navigable tabs (arrow keys, ARIA tab pattern). */
export async function mountShell(app: HTMLElement, ctx: PaneContext, tabs: Tab[], initial: string): Promise<void> {
  const panel = el("div", { role: "tabpanel", id: "panel", tabindex: "0" });
  const buttons = tabs.map((tab) => el("button", {
    type: "button", role: "tab", id: `tab-${tab.id}`, "aria-controls": "panel", "aria-selected": "false", tabindex: "-1",
    onclick: () => void select(tab.id),
  }, tab.label));
  const tablist = el("div", { role: "tablist", "aria-label": t("appTitle") }, ...buttons);
  tablist.addEventListener("keydown", (event) => {
    const index = buttons.findIndex((b) => b === document.activeElement);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (index < 0 || step === 0) return;
    const next = buttons[(index + step + buttons.length) % buttons.length];
    next?.focus();
    next?.click();
  });

  const select = async (id: string): Promise<void> => {
    buttons.forEach((b, i) => {
      const selected = tabs[i]?.id === id;
      b.setAttribute("aria-selected", String(selected));
      b.tabIndex = selected ? 0 : -1;
    });
    panel.setAttribute("aria-labelledby", `tab-${id}`);
    await tabs.find((tab) => tab.id === id)?.mount(panel);
  };

  app.removeAttribute("aria-busy");
  replace(app,
    el("header", {}, el("h1", {}, t("appTitle")),
      ctx.config.devIdentity ? devIdentityPicker(() => void select(currentTab())) : null),
    tabs.length > 1 ? tablist : null,
    panel);
  const currentTab = (): string => tabs[buttons.findIndex((b) => b.getAttribute("aria-selected") === "true")]?.id ?? initial;
  await select(initial);
}
