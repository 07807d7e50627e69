import type { FlagSummary, ReplyListItem } from "../api/types";
import { t, type StringKey } from "../i18n/strings";
import { flagTitle, formatDate } from "../logic/mapping";
import { holderOf, senderOf } from "../logic/replyList";
import { formatWhen, shortWhen } from "../logic/replyState";
import { urgencyOf, type Urgency } from "../logic/urgency";
import { el } from "./dom";

const urgencyText: Partial<Record<Urgency, StringKey>> = { overdue: "urgencyOverdue", soon: "urgencySoon", later: "urgencyLater" };

/**
 * One finding as a chip: its kind ("Mulig aktindsigt – tjek" for a Possible one, dashed so it is never read as
 * confirmed) and its due date, coloured by urgency (overdue, within 2 working days, later); the urgency is also
 * said in words for screen readers and in the tooltip, colour is never the only sign.
 */
export function findingChip(flag: FlagSummary, today: Date): HTMLElement {
  const urgency = urgencyOf(flag.dueDate, today);
  const key = urgencyText[urgency];
  const words = key ? t(key) : "";
  const possible = flag.certainty === "Possible";
  return el("span", { class: `chip ${urgency}${possible ? " possible" : ""}`, "data-kind": flag.kind, "data-urgency": urgency, title: words || undefined },
    flagTitle(flag.kind, flag.certainty),
    flag.dueDate ? el("span", { class: "chip-due" }, ` · ${t("dueOn", formatDate(flag.dueDate))}`) : null,
    words ? el("span", { class: "sr-only" }, ` (${words})`) : null);
}

/**
 * One row of the dense list: received, case, subject, sender (masked by the API), findings, who holds it.
 * Not yet screened rows are bold, like unread mail. Citizen and WorkZone text become text nodes, never HTML.
 */
export function dashboardRow(reply: ReplyListItem, today: Date, position: number, setSize: number): HTMLTableRowElement {
  const holder = holderOf(reply);
  return el("tr", {
    class: reply.screened ? "reply" : "reply unscreened", "data-id": String(reply.id), tabindex: "-1", "aria-selected": "false",
    "aria-posinset": String(position), "aria-setsize": String(setSize),
  },
    el("td", { class: "col-received", title: formatWhen(reply.receivedAt) }, shortWhen(reply.receivedAt)),
    el("td", { class: "col-case" }, reply.caseNumber ?? ""),
    el("td", { class: "col-subject" }, reply.subject ?? "", reply.screened ? null : el("span", { class: "sr-only" }, ` (${t("notScreened")})`)),
    el("td", { class: "col-sender" }, senderOf(reply)),
    el("td", { class: "col-findings" },
      ...reply.flags.map((f) => findingChip(f, today)),
      reply.needsManualScreening ? el("span", { class: "chip manual", "data-kind": "NeedsManualScreening" }, t("manualScreening")) : null),
    reply.handled
      ? el("td", { class: "col-holder handled", title: t("handledBy", reply.handled.by, formatWhen(reply.handled.at)) },
          el("span", { class: "who" }, `✓ ${holder}`), el("span", { class: "handled-at" }, shortWhen(reply.handled.at)))
      : el("td", { class: "col-holder", title: holder || undefined }, el("span", { class: "who" }, holder)));
}
