import type { ReplySync } from "../api/types";
import { t } from "../i18n/strings";
import { actionErrorMessage } from "../logic/replyState";
import type { PaneContext } from "./context";
import { el, replace } from "./dom";

/** Polling pace while a change waits: quickly at first (the outbox usually delivers within seconds), then calmer. */
const quickPolls = 10;
const quickMs = 1_500;
const slowMs = 15_000;

/**
 * "Afventer synkronisering" that resolves: while the mark waits for WorkZone the line asks the API again and shows why
 * it waits (WorkZone not answering, access refused) and when it is tried next; a refused write gets "Prøv igen".
 * Stops when the reading pane shows another reply (isCurrent false).
 */
export function createSyncStatus(ctx: PaneContext, replyId: number, isCurrent: () => boolean): { element: HTMLElement; recheck(): void } {
  const line = el("div", { class: "sync", id: "sync-status", role: "status", "aria-live": "polite", hidden: true });
  let polls = 0;
  let round = 0; // a recheck starts a new round; an older round's timer stops

  const show = (sync: ReplySync): void => {
    line.hidden = sync.state === null || !sync.message;
    line.className = `sync ${sync.state === "Failed" ? "error" : sync.state === "PendingSync" ? "warning" : "success"}`;
    line.dataset["state"] = sync.state ?? "";
    replace(line, el("span", {}, sync.message ?? ""), sync.failedWriteId === null ? null
      : el("button", { type: "button", id: "sync-retry", onclick: () => void retry(sync.failedWriteId as number) }, t("retryWrite")));
  };

  const check = async (mine: number): Promise<void> => {
    if (!isCurrent() || mine !== round) return;
    try {
      const sync = (await ctx.api.request<ReplySync>(`/api/v1/replies/${replyId}/sync`)).body;
      if (!isCurrent() || mine !== round) return;
      show(sync);
      if (sync.state === "PendingSync") setTimeout(() => void check(mine), polls++ < quickPolls ? quickMs : slowMs);
    } catch (error) {
      replace(line, actionErrorMessage(error));
      line.hidden = false;
    }
  };

  const retry = async (writeId: number): Promise<void> => {
    try {
      await ctx.api.request(`/api/v1/workzone/writes/${writeId}/retry`, { method: "POST" });
    } catch (error) {
      replace(line, actionErrorMessage(error));
    }
    recheck();
  };

  const recheck = (): void => {
    polls = 0;
    void check(++round);
  };
  return { element: line, recheck };
}
