import type { ApiClient, RequestOptions } from "../api/client";
import type { ReplyDetail } from "../api/types";
import { t } from "../i18n/strings";
import { formatCpr, maskCpr } from "../logic/cpr";
import { actionErrorMessage, formatWhen } from "../logic/replyState";
import type { PaneContext } from "./context";
import { type Child, el, replace, setStatus } from "./dom";
import { mountReplyPanel } from "./replyPanel";
import { replyTextView, showEvidenceIn } from "./replyText";
import { createSyncStatus } from "./syncStatus";

export interface ReadingPane {
  element: HTMLElement;
  open(replyId: number): Promise<void>;
  /** The reply on show, or null. */
  current(): number | null;
  /** Clicks the pane's own button for an action (so the pane's checks and messages apply); false when it has none. */
  press(buttonId: "claim" | "release" | "handle" | "unhandle" | "screen"): boolean;
}

/**
 * The dashboard's reading pane: the shared reply panel (claim, SmartPost behandlet, findings and whatever else it
 * offers), the sync status, and the reply's text with the evidence marked. `changed` runs after every change made
 * here, so the list shows it too.
 */
export function createReadingPane(ctx: PaneContext, changed: () => void): ReadingPane {
  const element = el("section", { class: "reading-pane", id: "reading-pane", "aria-label": t("readingPane"), tabindex: "-1" },
    el("p", { class: "muted" }, t("readingPaneEmpty")));
  let shown: number | null = null;

  // The panel's own requests go through this client: after a change it succeeded with, the list reloads.
  const watching = Object.create(ctx.api) as ApiClient;
  watching.request = async <T>(path: string, options: RequestOptions = {}) => {
    const response = await ctx.api.request<T>(path, options);
    if ((options.method ?? "GET") !== "GET") after();
    return response;
  };
  const panelCtx: PaneContext = { ...ctx, api: watching };
  let after = (): void => changed();

  const open = async (replyId: number): Promise<void> => {
    shown = replyId;
    const isCurrent = (): boolean => shown === replyId;
    const panel = el("div", { id: "reply-panel" });
    const status = el("p", { class: "status", role: "status", hidden: true, id: "pane-status" });
    const sync = createSyncStatus(ctx, replyId, isCurrent);
    const text = el("div", { class: "reply-text-box" }, el("p", { class: "muted" }, "…"));
    const meta = el("p", { class: "hint", id: "reply-meta" });
    const screen = el("button", { type: "button", id: "screen", hidden: true }, t("markScreened"));
    after = () => { changed(); sync.recheck(); };
    replace(element, panel, el("div", { class: "actions" }, screen), meta, sync.element, status,
      el("h3", {}, t("replyText")), text);

    let detail: ReplyDetail;
    try {
      detail = (await ctx.api.request<ReplyDetail>(`/api/v1/replies/${replyId}`)).body;
    } catch (error) {
      if (isCurrent()) setStatus(status, "error", actionErrorMessage(error));
      return;
    }
    if (!isCurrent()) return;
    replace(meta, `${t("received")} ${formatWhen(detail.receivedAt)}`, ...senderView(detail.sender));
    replace(text, replyTextView(detail.text, detail.flags));
    screen.hidden = detail.screened !== null || detail.handled !== null;
    screen.onclick = () => void (async () => {
      try {
        await watching.request(`/api/v1/replies/${replyId}/screened`, { method: "POST", ifMatch: detail.eTag });
        await open(replyId); // a new version: the panel's buttons need the new ETag
      } catch (error) {
        setStatus(status, "error", actionErrorMessage(error));
      }
    })();
    sync.recheck();
    await mountReplyPanel(panel, panelCtx, replyId, {
      showEvidence: (e) => showEvidenceIn(text, e),
      onHandled: async () => undefined, // no Office item here; the list and sync line follow through the watching client
    });
  };

  return {
    element,
    open,
    current: () => shown,
    press(buttonId) {
      const button = element.querySelector<HTMLButtonElement>(`#${buttonId}`);
      if (!button || button.disabled || button.hidden) return false;
      button.click();
      return true;
    },
  };
}

/**
 * " · Afsender: 010190-****" and a "Vis CPR-nummer" toggle: the pane masks a CPR number as the list does, and shows it
 * in full only for this reply and only when the caseworker asks (someone may be looking over their shoulder).
 */
function senderView(sender: ReplyDetail["sender"]): Child[] {
  if (!sender.id) return [];
  if (sender.idType !== "CPR") return [` · ${t("colSender")}: ${sender.id}`];
  const full = sender.id;
  const value = el("span", { id: "sender-id" }, maskCpr(full));
  const toggle = el("button", { type: "button", class: "link", id: "toggle-cpr", "aria-pressed": "false" }, t("showCpr"));
  toggle.onclick = () => {
    const reveal = toggle.getAttribute("aria-pressed") !== "true";
    value.textContent = reveal ? formatCpr(full) : maskCpr(full);
    toggle.textContent = t(reveal ? "hideCpr" : "showCpr");
    toggle.setAttribute("aria-pressed", String(reveal));
  };
  return [` · ${t("colSender")}: `, value, " ", toggle];
}
