import { t } from "../i18n/strings";
import { el } from "./dom";

/**
 * Which replies the screening list shows: since the last completed screening (default: nothing unscreened is ever
 * dropped), yesterday's post, or any period of whole Danish days.
 */
export function screeningControls(changed: () => void): { element: HTMLElement; estimate: HTMLElement; query(): URLSearchParams } {
  const scope = el("select", { id: "screening-scope" },
    el("option", { value: "pending" }, t("screeningPending")),
    el("option", { value: "yesterday" }, t("screeningYesterday")),
    el("option", { value: "period" }, t("screeningPeriod")));
  const from = el("input", { type: "date", id: "screening-from", "aria-label": t("periodFrom") });
  const to = el("input", { type: "date", id: "screening-to", "aria-label": t("periodTo") });
  const period = el("div", { class: "row", id: "screening-period", hidden: true }, from, to);
  const estimate = el("p", { class: "hint", id: "screening-estimate" });
  for (const control of [scope, from, to]) {
    control.addEventListener("change", () => {
      period.hidden = scope.value !== "period";
      changed();
    });
  }
  return {
    element: el("div", {}, el("div", { class: "field" }, el("label", { for: "screening-scope" }, t("screeningScope")), scope), period, estimate),
    estimate,
    query() {
      const query = new URLSearchParams({ status: "all" });
      if (scope.value !== "period") query.set("screening", scope.value);
      else {
        // Whole Danish days: from the start of "from" to the start of the day after "to".
        if (from.value) query.set("receivedFrom", new Date(`${from.value}T00:00:00`).toISOString());
        if (to.value) query.set("receivedTo", new Date(new Date(`${to.value}T00:00:00`).getTime() + 86_400_000).toISOString());
      }
      return query;
    },
  };
}
