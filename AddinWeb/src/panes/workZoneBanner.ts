import type { FailedWorkZoneWrite, WorkZoneStatus } from "../api/types";
import { t } from "../i18n/strings";
import type { PaneContext } from "./context";
import { el, replace } from "./dom";

/**
 * "WorkZone: hentet 09.14, 0 i kø" and the writes WorkZone refused, each with "Prøv igen". Without WorkZone (or when
 * the status cannot be read) nothing is shown: the dashboard works the same either way.
 */
export function workZoneBanner(ctx: PaneContext, showError: (error: unknown) => void): { status: HTMLElement; refused: HTMLElement; load(): Promise<void> } {
  const workzone = el("p", { class: "hint", id: "workzone-status", role: "status", hidden: true });
  const refused = el("section", { class: "card", id: "workzone-refused", "aria-labelledby": "workzone-refused-h", hidden: true });
  const loadWorkZone = async (): Promise<void> => {
    const state = (await ctx.api.request<WorkZoneStatus>("/api/v1/workzone/status")).body;
    workzone.hidden = !state.configured || !state.summary;
    workzone.textContent = state.summary ?? "";
    workzone.classList.toggle("warning", state.authAlert !== null);
    const failed = state.writesRefused > 0 ? (await ctx.api.request<FailedWorkZoneWrite[]>("/api/v1/workzone/writes/failed")).body : [];
    refused.hidden = failed.length === 0;
    replace(refused, el("h3", { id: "workzone-refused-h" }, t("workzoneRefused")), el("ul", { class: "replies" }, ...failed.map((w) =>
      el("li", {},
        el("span", {}, el("strong", {}, w.subject ?? w.documentId), ` – ${w.reason ?? ""}`),
        el("button", { type: "button", "aria-label": `${t("retryWrite")}: ${w.subject ?? w.documentId}`, onclick: () => void (async () => {
          await ctx.api.request(`/api/v1/workzone/writes/${w.id}/retry`, { method: "POST" }).catch(showError);
          await loadWorkZone().catch(() => undefined);
        })() }, t("retryWrite"))))));
  };
  return {
    status: workzone,
    refused,
    load: () => loadWorkZone().catch(() => { workzone.hidden = true; }),
  };
}
