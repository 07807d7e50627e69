import { t, type StringKey } from "../i18n/strings";
import { shortcutKeys, type ListAction } from "../logic/listKeys";
import { el } from "./dom";

const described: Record<ListAction, StringKey> = {
  claim: "keyClaim", handled: "keyHandled", unhandle: "keyUnhandle", screened: "keyScreened", help: "keyHelp",
};

/** The small "Genveje" help: every key the list answers to, from the same table the keyboard model uses. */
export function shortcutsHelp(): HTMLDetailsElement {
  const row = (keys: string[], text: string): HTMLElement =>
    el("div", { class: "shortcut" }, el("dt", {}, ...keys.flatMap((k, i) => [i > 0 ? " " : null, el("kbd", {}, k)])), el("dd", {}, text));
  return el("details", { class: "shortcuts", id: "shortcuts" },
    el("summary", {}, t("shortcuts")),
    el("dl", {},
      row(["↑", "↓"], t("keyMove")),
      row(["Enter"], t("keyOpen")),
      ...shortcutKeys.map((s) => row([s.key.toUpperCase()], t(described[s.action])))));
}
