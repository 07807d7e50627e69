import type { ReplyListItem } from "../api/types";
import { t, type StringKey } from "../i18n/strings";
import { listCommand, type ListAction } from "../logic/listKeys";
import { defaultSort, handledSort, nextSort, sortReplies, type SortKey, type SortOrder } from "../logic/replyList";
import { dashboardRow } from "./dashboardRow";
import { el, replace } from "./dom";

const columns: Array<{ key: SortKey | null; label: StringKey; className: string }> = [
  { key: "received", label: "received", className: "col-received" },
  { key: "case", label: "colCase", className: "col-case" },
  { key: "subject", label: "subject", className: "col-subject" },
  { key: "sender", label: "colSender", className: "col-sender" },
  { key: "due", label: "colFindings", className: "col-findings" },
  { key: "holder", label: "colHolder", className: "col-holder" },
];

export interface ReplyTable {
  element: HTMLElement;
  /** Shows a page of rows; keeps the selection on the same reply when it is still there. */
  show(replies: ReplyListItem[], firstPosition: number, setSize: number): void;
  selected(): ReplyListItem | null;
  focus(): void;
  /**
   * The "Behandlet" view: newest handled first (the API's order) and the last column sorts by when a reply was
   * handled; otherwise the most urgent first and the column sorts by who holds the reply.
   */
  handledView(on: boolean): void;
}

export interface ReplyTableEvents {
  open(reply: ReplyListItem): void;
  action(action: ListAction, reply: ReplyListItem | null): void;
}

/**
 * The dense, sortable list with one selected row (roving tabindex): ↑/↓ move, Enter opens, a letter per action
 * (listKeys.ts). A click selects and opens, as in a mail client.
 */
export function createReplyTable(events: ReplyTableEvents): ReplyTable {
  let order: SortOrder = defaultSort;
  let holderKey: SortKey = "holder";
  let rows: ReplyListItem[] = [];
  let selectedId: number | null = null;
  let position = { first: 1, size: 0 };
  const body = el("tbody", { id: "reply-list", "aria-keyshortcuts": "ArrowUp ArrowDown Enter T B F S" });
  const headers = columns.map((c) => el("th", { scope: "col", class: c.className }, c.key
    ? el("button", { type: "button", class: "sort", "data-sort": c.key, title: t("sortBy", t(c.label).toLocaleLowerCase()),
      onclick: () => sortBy(c.key === "holder" ? holderKey : c.key as SortKey) }, t(c.label))
    : t(c.label)));
  const table = el("table", { class: "reply-table", id: "reply-table", role: "grid", "aria-label": t("dashboardTitle") },
    el("thead", {}, el("tr", {}, ...headers)), body);

  const rowElements = (): HTMLTableRowElement[] => Array.from(body.querySelectorAll<HTMLTableRowElement>("tr.reply"));
  const indexOfSelected = (): number => rows.findIndex((r) => r.id === selectedId);

  const select = (index: number, focus: boolean): void => {
    const reply = rows[index];
    if (!reply) return;
    selectedId = reply.id;
    rowElements().forEach((tr, i) => {
      tr.setAttribute("aria-selected", String(i === index));
      tr.tabIndex = i === index ? 0 : -1;
    });
    const tr = rowElements()[index];
    if (focus) tr?.focus();
    tr?.scrollIntoView?.({ block: "nearest" });
  };

  const render = (): void => {
    const today = new Date();
    rows = sortReplies(rows, order);
    headers.forEach((th, i) => {
      const key = columns[i]?.key === "holder" ? holderKey : columns[i]?.key;
      if (key === order.key) th.setAttribute("aria-sort", order.direction === "asc" ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    const focusInside = body.contains(document.activeElement); // re-rendering drops the focused row: give focus back
    replace(body, ...(rows.length
      ? rows.map((r, i) => dashboardRow(r, today, position.first + i, position.size))
      : [el("tr", {}, el("td", { colspan: String(columns.length), class: "muted" }, t("noReplies")))]));
    const index = indexOfSelected();
    if (index >= 0) select(index, focusInside);
    else if (rows.length) { // nothing selected: the first row takes the keyboard focus stop
      const first = rowElements()[0];
      if (first) first.tabIndex = 0;
    }
  };

  const sortBy = (key: SortKey): void => {
    order = nextSort(order, key);
    render();
  };

  body.addEventListener("keydown", (event) => {
    const command = listCommand(event, indexOfSelected(), rows.length);
    if (!command) return;
    event.preventDefault();
    if (command.kind === "select") select(command.index, true);
    else if (command.kind === "open") { const r = rows[indexOfSelected()]; if (r) events.open(r); }
    else events.action(command.action, rows[indexOfSelected()] ?? null);
  });
  body.addEventListener("click", (event) => {
    const tr = (event.target as Element).closest("tr.reply");
    const index = rowElements().indexOf(tr as HTMLTableRowElement);
    const reply = rows[index];
    if (!reply) return;
    select(index, true);
    events.open(reply);
  });
  body.addEventListener("focusin", (event) => {
    const index = rowElements().indexOf(event.target as HTMLTableRowElement);
    if (index >= 0 && rows[index]?.id !== selectedId) select(index, false);
  });

  return {
    element: el("div", { class: "table-scroll" }, table),
    show(replies, firstPosition, setSize) {
      const previousIndex = indexOfSelected();
      rows = sortReplies(replies, order);
      position = { first: firstPosition, size: setSize };
      // The selected reply left the list (handled, screened away): the selection stays at its place, like in a mail client.
      if (selectedId !== null && !rows.some((r) => r.id === selectedId)) selectedId = rows[Math.min(previousIndex, rows.length - 1)]?.id ?? null;
      render();
    },
    selected: () => rows[indexOfSelected()] ?? null,
    handledView(on) {
      holderKey = on ? "handled" : "holder";
      order = on ? handledSort : defaultSort;
      const holder = headers[columns.findIndex((c) => c.key === "holder")]?.querySelector("button");
      if (holder) {
        holder.textContent = t(on ? "colHandled" : "colHolder");
        holder.title = t("sortBy", holder.textContent.toLocaleLowerCase());
      }
    },
    focus() {
      const index = indexOfSelected();
      (rowElements()[index < 0 ? 0 : index])?.focus();
    },
  };
}
