import type { ReplyListItem } from "../api/types";

/**
 * The dashboard list's sortable columns. "due" is the API's order of open replies: the most urgent first; "handled"
 * is the API's order of the "Behandlet" view: the most recently handled first.
 */
export type SortKey = "received" | "case" | "subject" | "sender" | "due" | "holder" | "handled";
export type SortDirection = "asc" | "desc";
export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

export const defaultSort: SortOrder = { key: "due", direction: "asc" };
export const handledSort: SortOrder = { key: "handled", direction: "desc" };

/** Clicking the sorted column again turns it around; another column starts ascending (received: newest first). */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, direction: current.direction === "asc" ? "desc" : "asc" };
  return { key, direction: key === "received" ? "desc" : "asc" };
}

/** Who holds the reply: the claim's holder, else who handled it; empty when nobody. */
export function holderOf(reply: ReplyListItem): string {
  return reply.claim?.by ?? reply.handled?.by ?? "";
}

/** The sender as the list may show it (the API masks a CPR number here: 010190-****). */
export function senderOf(reply: ReplyListItem): string {
  return reply.sender.id ?? "";
}

const text = (value: string | null | undefined): string => (value ?? "").toLocaleLowerCase("da-DK");

/**
 * A timestamp as a fixed-width string that sorts as time. The API drops trailing zeros of the fraction
 * ("…:01.5Z", "…:01.12Z"), so the raw strings compare wrongly, as text and as numbers alike.
 */
const instant = (value: string | null | undefined): string => {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? "" : new Date(ms).toISOString();
};

/** Rows without a value (no due date, no case, nobody holding it) come last in either direction. */
function value(reply: ReplyListItem, key: SortKey): string {
  switch (key) {
    case "received": return instant(reply.receivedAt);
    case "case": return text(reply.caseNumber);
    case "subject": return text(reply.subject);
    case "sender": return text(senderOf(reply));
    case "due": return reply.dueDate ?? "";
    case "holder": return text(holderOf(reply));
    case "handled": return instant(reply.handled?.at);
  }
}

/** A sorted copy; ties keep the API's order (most urgent first), so sorting never shuffles equal rows. */
export function sortReplies(replies: readonly ReplyListItem[], order: SortOrder): ReplyListItem[] {
  const sign = order.direction === "asc" ? 1 : -1;
  return replies
    .map((reply, index) => ({ reply, index, key: value(reply, order.key) }))
    .sort((a, b) => {
      if (a.key === "" || b.key === "") return a.key === b.key ? a.index - b.index : a.key === "" ? 1 : -1;
      const compared = a.key.localeCompare(b.key, "da-DK", { numeric: true });
      return compared !== 0 ? compared * sign : a.index - b.index;
    })
    .map((x) => x.reply);
}
