import type { Evidence, Reply } from "../api/types";
import { t } from "../i18n/strings";
import { actionErrorMessage, claimOf, formatWhen, handledOf, isPendingSync } from "../logic/replyState";
import type { PaneContext } from "./context";
import { el, replace, setStatus } from "./dom";
import { flagsView } from "./flagsView";

export interface ReplyHostHooks {
  showEvidence: ((e: Evidence) => void) | null;
  /** Writes "SmartPost behandlet" on the host item (Word custom property, Outlook category). */
  onHandled(by: string, handled: boolean): Promise<void>;
}

/** Claim status, flags and the claim/handled buttons of one registered reply; shared by Word and Outlook. */
export async function mountReplyPanel(root: HTMLElement, ctx: PaneContext, replyId: string, hooks: ReplyHostHooks): Promise<void> {
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", id: "reply-status", hidden: true });
  let etag: string | null = null;
  let reply: Reply;

  const load = async (): Promise<void> => {
    const response = await ctx.api.request<Reply>(`/api/v1/replies/${encodeURIComponent(replyId)}`);
    reply = response.body;
    etag = response.etag ?? reply.etag ?? null;
    render();
  };

  const act = async (method: "POST" | "DELETE", action: "claim" | "handled"): Promise<void> => {
    try {
      const response = await ctx.api.request<Reply>(`/api/v1/replies/${encodeURIComponent(replyId)}/${action}`, { method, ifMatch: etag });
      if (action === "handled") await hooks.onHandled(ctx.identity().user, method === "POST");
      setStatus(status, "success", "");
      etag = response.etag ?? etag;
      await load();
    } catch (error) {
      setStatus(status, "error", actionErrorMessage(error));
      await load().catch(() => undefined); // show the current holder; a failed refresh keeps the old view
    }
  };

  const render = (): void => {
    const claim = claimOf(reply);
    const handled = handledOf(reply);
    const mine = claim.holder === ctx.identity().user;
    replace(root,
      el("section", { class: "card" },
        el("h2", {}, reply.subject ?? t("tabIncoming")),
        el("p", { id: "claim-state" }, claim.holder ? t("claimedBy", claim.holder, formatWhen(claim.since)) : t("notClaimed")),
        handled ? el("p", { class: "status success", id: "handled-state" }, t("handledBy", handled.by, formatWhen(handled.at))) : null,
        isPendingSync(reply) ? el("p", { class: "status warning", id: "pending-sync" }, t("pendingSync")) : null,
        el("div", { class: "actions" },
          mine
            ? el("button", { type: "button", id: "release", onclick: () => void act("DELETE", "claim") }, t("release"))
            : el("button", { type: "button", id: "claim", class: "primary", disabled: !!handled, onclick: () => void act("POST", "claim") }, t("claim")),
          handled
            ? el("button", { type: "button", id: "unhandle", onclick: () => void act("DELETE", "handled") }, t("undoHandled"))
            : el("button", { type: "button", id: "handle", class: "primary", onclick: () => void act("POST", "handled") }, t("markHandled")))),
      status,
      el("section", { class: "card" }, el("h2", {}, t("flags")), flagsView(reply.flags ?? [], hooks.showEvidence)));
  };

  try {
    await load();
  } catch (error) {
    replace(root, el("p", { class: "status error" }, actionErrorMessage(error)));
  }
}
