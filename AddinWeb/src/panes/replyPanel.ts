import type { CorrectionRequest, CorrectionVerdict, FlagEvidence, FlagKind, Me, ReplyDetail, ReplyHistoryEntry, TakeOverRequest } from "../api/types";
import { t } from "../i18n/strings";
import { actionErrorMessage, formatWhen, isClaimedByOther, isPendingSync, syncFailed } from "../logic/replyState";
import type { PaneContext } from "./context";
import { el, replace, setStatus } from "./dom";
import { addFindingView } from "./addFinding";
import { flagsView } from "./flagsView";
import { historyView } from "./historyView";
import { takeOverView } from "./takeOver";

export interface ReplyHostHooks {
  showEvidence: ((e: FlagEvidence) => void) | null;
  /** Writes "SmartPost behandlet" on the host item (Word custom property, Outlook category). */
  onHandled(by: string, handled: boolean): Promise<void>;
}

/**
 * Claim status, flags and the claim/handled buttons of one registered reply, the caseworker's corrections of the
 * findings ("Bekræft", "Ikke aktindsigt", "Tilføj fund …") and the reply's history; shared by Word, Outlook and the
 * dashboard's reading pane.
 */
export async function mountReplyPanel(root: HTMLElement, ctx: PaneContext, replyId: number, hooks: ReplyHostHooks): Promise<void> {
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", id: "reply-status", hidden: true });
  let reply: ReplyDetail;
  let history: ReplyHistoryEntry[] = [];
  // Team leads may take over a colleague's claim; for anyone else the API refuses it, so the button is not offered.
  let teamLead = false;

  const loadHistory = async (): Promise<void> => {
    // The history is extra: when it cannot be read the reply is still shown and can be worked on.
    history = (await ctx.api.request<ReplyHistoryEntry[]>(`/api/v1/replies/${replyId}/history`).catch(() => null))?.body ?? history;
  };

  const load = async (): Promise<void> => {
    const me = ctx.api.request<Me>("/api/v1/me").then((r) => r.body.teamLead, () => false);
    reply = (await ctx.api.request<ReplyDetail>(`/api/v1/replies/${replyId}`)).body;
    await loadHistory();
    teamLead = await me;
    render();
  };

  const correct = async (kind: string, verdict: CorrectionVerdict): Promise<void> => {
    try {
      const body: CorrectionRequest = { kind: kind as FlagKind, verdict };
      reply = (await ctx.api.request<ReplyDetail>(`/api/v1/replies/${replyId}/corrections`, { method: "POST", body, ifMatch: reply.eTag })).body;
      await loadHistory();
      setStatus(status, "success", t("correctionSaved"));
      render();
    } catch (error) {
      setStatus(status, "error", actionErrorMessage(error));
      await load().catch(() => undefined);
    }
  };

  const act = async (method: "POST" | "DELETE", action: "claim" | "handled"): Promise<void> => {
    try {
      // The answer is the updated detail: show it at once, no second round trip.
      reply = (await ctx.api.request<ReplyDetail>(`/api/v1/replies/${replyId}/${action}`, { method, ifMatch: reply.eTag })).body;
      if (action === "handled") await hooks.onHandled(ctx.identity().user, method === "POST");
      await loadHistory();
      setStatus(status, "", "");
      render();
    } catch (error) {
      setStatus(status, "error", actionErrorMessage(error));
      await load().catch(() => undefined); // show the current holder; a failed refresh keeps the old view
    }
  };

  const takeOver = async (reason: string): Promise<void> => {
    const from = reply.claim?.by ?? "";
    try {
      const body: TakeOverRequest = { reason };
      reply = (await ctx.api.request<ReplyDetail>(`/api/v1/replies/${replyId}/claim/takeover`, { method: "POST", body, ifMatch: reply.eTag })).body;
      await loadHistory();
      render();
      setStatus(status, "success", t("takenOver", from));
    } catch (error) {
      setStatus(status, "error", actionErrorMessage(error));
      await load().catch(() => undefined);
    }
  };

  const render = (): void => {
    const user = ctx.identity().user;
    const { claim, handled } = reply;
    const mine = claim?.by === user;
    const other = isClaimedByOther(reply, user);
    replace(root,
      el("section", { class: "card" },
        el("h2", {}, reply.subject ?? reply.label ?? t("tabIncoming")),
        reply.caseNumber ? el("p", { class: "hint" }, reply.caseNumber) : null,
        handled ? null : el("p", { id: "claim-state", class: other ? "status warning" : "" },
          !claim ? t("notClaimed") : other ? t("claimedByOther", claim.by) : t("claimedBy", claim.by, formatWhen(claim.since))),
        handled
          ? el("p", { class: handled.by === user ? "status success" : "status warning", id: "handled-state" },
              handled.by === user ? t("handledBy", handled.by, formatWhen(handled.at)) : t("handledByOther", handled.by, formatWhen(handled.at)))
          : null,
        isPendingSync(reply) ? el("p", { class: "status warning", id: "pending-sync" }, t("pendingSync")) : null,
        syncFailed(reply) ? el("p", { class: "status error", id: "sync-failed" }, t("syncFailed")) : null,
        // Only the holder (or anyone, while nobody holds it) may act; the API refuses the rest with 409 anyway.
        other ? el("p", { class: "hint", id: "holder-only" }, t("holderCanAct", claim?.by ?? "")) : null,
        other && teamLead && !handled ? takeOverView(claim?.by ?? "", takeOver) : null,
        el("div", { class: "actions" },
          mine
            ? el("button", { type: "button", id: "release", onclick: () => void act("DELETE", "claim") }, t("release"))
            : el("button", { type: "button", id: "claim", class: "primary", disabled: !!handled || other, onclick: () => void act("POST", "claim") }, t("claim")),
          handled
            ? el("button", { type: "button", id: "unhandle", disabled: other, onclick: () => void act("DELETE", "handled") }, t("undoHandled"))
            : el("button", { type: "button", id: "handle", class: "primary", disabled: other, onclick: () => void act("POST", "handled") }, t("markHandled")))),
      status,
      el("section", { class: "card" }, el("h2", {}, t("flags")),
        // A colleague's claim blocks corrections as it blocks the other changes (the API answers 409 anyway).
        flagsView(reply.flags, hooks.showEvidence, other ? null : (kind, verdict) => void correct(kind, verdict)),
        addFindingView(reply.flags, (kind) => void correct(kind, "Added"), other)),
      el("section", { class: "card" }, el("h2", {}, t("history")), historyView(history)));
  };

  try {
    await load();
  } catch (error) {
    replace(root, el("p", { class: "status error" }, actionErrorMessage(error)));
  }
}
