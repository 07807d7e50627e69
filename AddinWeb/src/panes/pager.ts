import { t } from "../i18n/strings";
import { el } from "./dom";

/**
 * Previous/Next over the API's cursor pages; one page in the DOM at a time, so 5,000 replies cost 50 rows
 * (BENCHMARKS.md, dashboard). The API pages forward only: the cursors of the pages already visited are kept here.
 */
export interface Pager {
  element: HTMLElement;
  /** Cursor of the page on screen (null = first page); reload it after an action to stay where the caseworker is. */
  current(): string | null;
  /** 0-based position of the first row on screen. */
  offset(): number;
  /** After a page arrived: its next cursor, the rows on it and how many there are in all. */
  update(nextCursor: string | null, rows: number, total: number): void;
  reset(): void;
}

export function createPager(pageSize: number, go: (cursor: string | null) => Promise<void>): Pager {
  const visited: Array<string | null> = [null];
  let next: string | null = null;
  const prev = el("button", { type: "button", id: "page-prev", disabled: true }, t("pagePrevious"));
  const nextButton = el("button", { type: "button", id: "page-next", disabled: true }, t("pageNext"));
  const info = el("p", { class: "hint", id: "page-info", role: "status", "aria-live": "polite" });
  const index = (): number => visited.length - 1;

  const move = async (step: 1 | -1): Promise<void> => {
    if (step === 1 && next) visited.push(next);
    else if (step === -1 && visited.length > 1) visited.pop();
    else return;
    prev.disabled = nextButton.disabled = true; // no double clicks while the page loads
    await go(visited[index()] ?? null);
  };
  prev.addEventListener("click", () => void move(-1));
  nextButton.addEventListener("click", () => void move(1));

  const nav = el("nav", { class: "pager", "aria-label": t("pages") }, prev, info, nextButton);
  return {
    element: nav,
    current: () => visited[index()] ?? null,
    offset: () => index() * pageSize,
    update(nextCursor, rows, total) {
      next = nextCursor;
      prev.disabled = index() === 0;
      nextButton.disabled = next === null;
      const from = index() * pageSize;
      const pages = Math.max(1, Math.ceil(total / pageSize));
      info.textContent = rows === 0 ? "" : t("pageInfo", index() + 1, pages, from + 1, from + rows, total);
      nav.hidden = visited.length === 1 && next === null;
    },
    reset() {
      visited.length = 1;
      next = null;
    },
  };
}
