import type { ReplyListItem } from "../api/types";
import { t } from "../i18n/strings";
import { flagTitle, formatDate, isOverdue } from "../logic/mapping";
import { formatWhen } from "../logic/replyState";
import { el } from "./dom";

export type RowAction = (reply: ReplyListItem, path: "claim" | "screened" | "handled", method: "POST" | "DELETE") => void;

/** Which list a row is in: the inbox (claim/handled), the screening list (screened) or "Behandlet" (undo). */
export type RowKind = "inbox" | "screening" | "handled";

/** One inbox row. Subject and case number are citizen/WorkZone text: el() makes them text nodes, never HTML. */
export function dashboardRow(reply: ReplyListItem, user: string, kind: RowKind, act: RowAction): HTMLElement {
  const today = new Date();
  const overdue = isOverdue(reply.dueDate, today);
  const button = (label: string, path: "claim" | "screened" | "handled", method: "POST" | "DELETE" = "POST", disabled = false): HTMLElement =>
    el("button", { type: "button", "data-action": path, disabled, onclick: () => act(reply, path, method) }, label);
  const claimedByOther = reply.claim !== null && reply.claim.by !== user;
  const actions = kind === "handled"
    ? [button(t("undoHandled"), "handled", "DELETE", claimedByOther)]
    : kind === "screening"
    ? [reply.screened ? el("span", { class: "done" }, t("screened")) : button(t("markScreened"), "screened", "POST", claimedByOther)]
    : [
        reply.claim?.by === user ? button(t("release"), "claim", "DELETE") : button(t("claim"), "claim", "POST", claimedByOther),
        button(t("markHandled"), "handled", "POST", claimedByOther),
      ];
  return el("li", { class: "reply", "data-id": String(reply.id) },
    el("div", { class: "reply-head" },
      el("strong", {}, reply.subject ?? reply.caseNumber ?? `#${reply.id}`),
      reply.dueDate
        ? el("span", { class: overdue ? "due overdue" : "due" }, `${t("dueDate")}: ${formatDate(reply.dueDate)}${overdue ? ` (${t("overdue")})` : ""}`)
        : null),
    el("div", { class: "tags" },
      ...reply.flags.map((f) => el("span", { class: f.certainty === "Possible" ? "tag possible" : "tag", "data-kind": f.kind }, flagTitle(f.kind, f.certainty))),
      reply.needsManualScreening ? el("span", { class: "tag", "data-kind": "NeedsManualScreening" }, t("manualScreening")) : null),
    el("p", { class: "hint" },
      [reply.caseNumber, `${t("received")}: ${formatWhen(reply.receivedAt)}`].filter(Boolean).join(" · "),
      reply.claim ? ` · ${t("claimedBy", reply.claim.by, formatWhen(reply.claim.since))}` : "",
      reply.handled ? ` · ${t("handledBy", reply.handled.by, formatWhen(reply.handled.at))}` : ""),
    claimedByOther ? el("p", { class: "hint holder-only" }, t("holderCanAct", reply.claim?.by ?? "")) : null,
    el("div", { class: "actions" }, ...actions));
}
