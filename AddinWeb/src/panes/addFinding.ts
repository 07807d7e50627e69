import type { Flag, FlagKind } from "../api/types";
import { t } from "../i18n/strings";
import { addableKinds } from "../logic/corrections";
import { flagLabel } from "../logic/mapping";
import { el } from "./dom";

/**
 * "Tilføj fund …": a kind the screening missed ("Det er en klage"). Folded away until asked for, so the pane stays
 * short; offers only kinds that are not already on the reply.
 */
export function addFindingView(flags: Flag[], add: (kind: FlagKind) => void, disabled: boolean): HTMLElement {
  const kinds = addableKinds(flags);
  const choice = el("select", { id: "add-finding-kind" }, ...kinds.map((k) => el("option", { value: k }, flagLabel(k))));
  return el("details", { class: "add-finding", id: "add-finding" },
    el("summary", {}, t("addFinding")),
    kinds.length === 0
      ? el("p", { class: "hint" }, t("addFindingNone"))
      : el("div", { class: "field" },
          el("label", { for: "add-finding-kind" }, t("addFindingKind")),
          choice,
          el("button", { type: "button", id: "add-finding-submit", disabled, onclick: () => add(choice.value as FlagKind) }, t("addFindingSubmit"))));
}
