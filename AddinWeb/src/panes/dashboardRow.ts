import type { ReplyListItem } from "../api/types";
import { t } from "../i18n/strings";
import { flagTitle, formatDate, isOverdue } from "../logic/mapping";
import { formatWhen } from "../logic/replyState";
import { el } from "./dom";

export type RowAction = (reply: ReplyListItem, path: "claim" | "screened" | "handled", method: "POST" | "DELETE") => void;

/** One inbox row. Subject and case number are citizen/WorkZone text: el() makes them text nodes, never HTML. */
export function dashboardRow(reply: ReplyListItem, user: string, screeningRow: boolean, act: RowAction): HTMLElement {
  const today = new Date();
  const overdue = isOverdue(reply.dueDate, today);
  const button = (label: string, path: "claim" | "screened" | "handled", method: "POST" | "DELETE" = "POST", disabled = false): HTMLElement =>
    el("button", { type: "button", "data-action": path, disabled, onclick: () => act(reply, path, method) }, label);
  const claimedByOther = reply.claim !== null && reply.claim.by !== user;
  const actions = screeningRow
    ? [reply.screened ? el("span", { class: "done" }, t("screened")) : button(t("markScreened"), "screened")]
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
      reply.claim ? ` · ${t("claimedBy", reply.claim.by, formatWhen(reply.claim.since))}` : ""),
    el("div", { class: "actions" }, ...actions));
}
