import type { InboxPage, ReplyListItem, SavedSearch, SearchResults } from "../api/types";
import { t } from "../i18n/strings";
import { flagLabel } from "../logic/mapping";
import { screenerLine } from "../logic/screenerLine";
import { actionErrorMessage } from "../logic/replyState";
import type { PaneContext } from "./context";
import { dashboardRow, type RowAction } from "./dashboardRow";
import { el, replace, setStatus } from "./dom";

const flagFilters = ["AccessToRecordsRequest", "Complaint", "DeadlineExtensionRequest", "NeedsManualScreening"];
const pageSize = 50;

/**
 * "Digital Post – Mit team": unhandled replies (server-paged with a cursor, so 5,000 replies cost one page of DOM
 * at a time), yesterday's screening list with the estimate, and the team's shared searches.
 */
export async function mountDashboard(root: HTMLElement, ctx: PaneContext): Promise<void> {
  const teamPath = (): string => `/api/v1/teams/${encodeURIComponent(ctx.identity().team)}`;
  const user = (): string => ctx.identity().user;
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", id: "dash-status", hidden: true });
  const flagFilter = el("select", { id: "flag-filter" },
    el("option", { value: "" }, t("allFlags")), ...flagFilters.map((k) => el("option", { value: k }, flagLabel(k))));
  const totals = el("p", { class: "hint", id: "totals" });
  const list = el("ul", { class: "replies", id: "reply-list", "aria-label": t("unhandled") });
  const more = el("button", { type: "button", id: "load-more", hidden: true }, t("loadMore"));
  const screening = el("ul", { class: "replies", id: "screening-list", "aria-label": t("screeningList") });
  const estimate = el("p", { class: "hint", id: "screening-estimate" });
  const screener = el("p", { id: "screener", hidden: true });
  const searches = el("ul", { class: "searches", id: "searches" });
  const searchResults = el("div", { id: "search-results" });
  let cursor: string | null = null;

  const showError = (error: unknown): void => setStatus(status, "error", actionErrorMessage(error));
  const empty = (): HTMLElement => el("li", { class: "muted" }, t("noReplies"));

  const act: RowAction = (reply, path, method) => void (async () => {
    try {
      await ctx.api.request(`/api/v1/replies/${reply.id}/${path}`, { method, ifMatch: reply.eTag });
      setStatus(status, "", "");
    } catch (error) {
      showError(error);
    }
    await Promise.all([loadReplies(false), loadScreening()]).catch(showError);
  })();

  const loadReplies = async (append: boolean): Promise<void> => {
    const query = new URLSearchParams({ status: "unhandled", limit: String(pageSize) });
    if (flagFilter.value) query.set("flag", flagFilter.value);
    if (append && cursor) query.set("cursor", cursor);
    const page = (await ctx.api.request<InboxPage>(`${teamPath()}/replies?${query.toString()}`)).body;
    cursor = page.nextCursor;
    const rows = page.items.map((r) => dashboardRow(r, user(), false, act));
    if (append) list.append(...rows);
    else replace(list, ...(rows.length ? rows : [empty()]));
    const tt = page.totals;
    totals.textContent = t("totals", tt.all, tt.accessToRecordsRequest, tt.complaint, tt.deadlineExtensionRequest, tt.needsManualScreening);
    more.hidden = !cursor;
  };

  const loadScreening = async (): Promise<void> => {
    const page = (await ctx.api.request<InboxPage>(`${teamPath()}/replies?screening=yesterday&status=all&limit=200`)).body;
    replace(screening, ...(page.items.length ? page.items.map((r) => dashboardRow(r, user(), true, act)) : [empty()]));
    estimate.textContent = t("screeningEstimate", page.screeningEstimateMinutes);
    const line = screenerLine(page.screener);
    screener.textContent = line ?? "";
    screener.hidden = line === null;
  };

  const showSearch = async (search: SavedSearch): Promise<void> => {
    const result = (await ctx.api.request<SearchResults>(`${teamPath()}/searches/${search.id}/results`)).body;
    const rows = result.items.map((hit: { reply: ReplyListItem }) => dashboardRow(hit.reply, user(), false, act));
    replace(searchResults,
      el("p", { class: "hint", id: "search-summary" }, t("searchResults", result.total, search.name)),
      el("ul", { class: "replies" }, ...(rows.length ? rows : [empty()])));
  };

  const loadSearches = async (): Promise<void> => {
    const items = (await ctx.api.request<SavedSearch[]>(`${teamPath()}/searches`)).body;
    replace(searches, ...items.map((s) => el("li", {},
      el("span", {}, el("strong", {}, s.name), s.responsible ? ` (${s.responsible}${s.substitute ? ` / ${s.substitute}` : ""})` : ""),
      el("button", { type: "button", "aria-label": `${t("runSearch")}: ${s.name}`, onclick: () => void showSearch(s).catch(showError) }, t("runSearch")))));
  };

  flagFilter.addEventListener("change", () => void loadReplies(false).catch(showError));
  more.addEventListener("click", () => void loadReplies(true).catch(showError));

  replace(root,
    el("h2", {}, `${t("dashboardTitle")} (${ctx.identity().team})`),
    status,
    screener,
    el("section", { class: "card", "aria-labelledby": "unhandled-h" },
      el("h3", { id: "unhandled-h" }, t("unhandled")),
      el("div", { class: "field" }, el("label", { for: "flag-filter" }, t("filterFlag")), flagFilter),
      totals, list, more),
    el("section", { class: "card", "aria-labelledby": "screening-h" }, el("h3", { id: "screening-h" }, t("screeningList")), estimate, screening),
    el("section", { class: "card", "aria-labelledby": "searches-h" }, el("h3", { id: "searches-h" }, t("sharedSearches")), searches, searchResults));
  await Promise.all([loadReplies(false), loadScreening(), loadSearches()].map((p) => p.catch(showError)));
}
