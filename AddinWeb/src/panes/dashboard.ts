import type { FailedWorkZoneWrite, FlagTotals, InboxPage, ReplyListItem, SavedSearch, SearchResults, WorkZoneStatus } from "../api/types";
import { t } from "../i18n/strings";
import { flagLabel } from "../logic/mapping";
import { screenerLine } from "../logic/screenerLine";
import { actionErrorMessage } from "../logic/replyState";
import type { PaneContext } from "./context";
import { dashboardRow, type RowAction } from "./dashboardRow";
import { el, replace, setStatus } from "./dom";
import { createPager } from "./pager";
import { sharedListForm } from "./sharedListForm";

const flagFilters = ["AccessToRecordsRequest", "Complaint", "DeadlineExtensionRequest", "NeedsManualScreening"];
const pageSize = 50;
const flagTotal: Record<string, keyof FlagTotals> = {
  "": "all", AccessToRecordsRequest: "accessToRecordsRequest", Complaint: "complaint",
  DeadlineExtensionRequest: "deadlineExtensionRequest", NeedsManualScreening: "needsManualScreening",
};

/**
 * "Digital Post – Mit team": unhandled replies one page at a time (Previous/Next over the API's cursor pages, so
 * 5,000 replies cost 50 rows of DOM), yesterday's screening list with the estimate, and the team's shared searches.
 */
export async function mountDashboard(root: HTMLElement, ctx: PaneContext): Promise<void> {
  const teamPath = (): string => `/api/v1/teams/${encodeURIComponent(ctx.identity().team)}`;
  const user = (): string => ctx.identity().user;
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", id: "dash-status", hidden: true });
  const flagFilter = el("select", { id: "flag-filter" },
    el("option", { value: "" }, t("allFlags")), ...flagFilters.map((k) => el("option", { value: k }, flagLabel(k))));
  const totals = el("p", { class: "hint", id: "totals" });
  const list = el("ul", { class: "replies", id: "reply-list", "aria-labelledby": "unhandled-h" });
  const heading = el("h3", { id: "unhandled-h", tabindex: "-1" }, t("unhandled"));
  const screening = el("ul", { class: "replies", id: "screening-list", "aria-label": t("screeningList") });
  const estimate = el("p", { class: "hint", id: "screening-estimate" });
  const screener = el("p", { id: "screener", hidden: true });
  const handled = el("ul", { class: "replies", id: "handled-list", "aria-labelledby": "handled-h" });
  const searches = el("ul", { class: "searches", id: "searches" });
  const searchResults = el("div", { id: "search-results" });
  const workzone = el("p", { class: "hint", id: "workzone-status", role: "status", hidden: true });
  const refused = el("section", { class: "card", id: "workzone-refused", "aria-labelledby": "workzone-refused-h", hidden: true });

  const showError = (error: unknown): void => setStatus(status, "error", actionErrorMessage(error));
  const empty = (): HTMLElement => el("li", { class: "muted" }, t("noReplies"));

  const act: RowAction = (reply, path, method) => void (async () => {
    try {
      await ctx.api.request(`/api/v1/replies/${reply.id}/${path}`, { method, ifMatch: reply.eTag });
      setStatus(status, "", "");
    } catch (error) {
      showError(error);
    }
    await Promise.all([loadReplies(pager.current()), loadScreening(), loadHandled()]).catch(showError);
  })();

  /** One page replaces the last; rows say where they are in the whole list (aria-posinset/-setsize). */
  const loadReplies = async (cursor: string | null): Promise<void> => {
    const query = new URLSearchParams({ status: "unhandled", limit: String(pageSize) });
    if (flagFilter.value) query.set("flag", flagFilter.value);
    if (cursor) query.set("cursor", cursor);
    const page = (await ctx.api.request<InboxPage>(`${teamPath()}/replies?${query.toString()}`)).body;
    const tt = page.totals;
    const total = tt[flagTotal[flagFilter.value] ?? "all"];
    const rows = page.items.map((r, i) => {
      const row = dashboardRow(r, user(), "inbox", act);
      row.setAttribute("aria-posinset", String(pager.offset() + i + 1));
      row.setAttribute("aria-setsize", String(total));
      return row;
    });
    replace(list, ...(rows.length ? rows : [empty()]));
    totals.textContent = t("totals", tt.all, tt.accessToRecordsRequest, tt.complaint, tt.deadlineExtensionRequest, tt.needsManualScreening);
    pager.update(page.nextCursor, rows.length, total);
  };
  // After Previous/Next the keyboard continues at the top of the new page (the heading takes focus and scrolls in).
  const pager = createPager(pageSize, (cursor) => loadReplies(cursor).then(() => heading.focus()).catch(showError));

  // Default: since the last completed screening (nothing unscreened is ever dropped); or yesterday, or any period.
  const screeningScope = el("select", { id: "screening-scope" },
    el("option", { value: "pending" }, t("screeningPending")),
    el("option", { value: "yesterday" }, t("screeningYesterday")),
    el("option", { value: "period" }, t("screeningPeriod")));
  const periodFrom = el("input", { type: "date", id: "screening-from", "aria-label": t("periodFrom") });
  const periodTo = el("input", { type: "date", id: "screening-to", "aria-label": t("periodTo") });
  const period = el("div", { class: "row", id: "screening-period", hidden: true }, periodFrom, periodTo);
  const screeningQuery = (): string => {
    const query = new URLSearchParams({ status: "all", limit: "200" });
    if (screeningScope.value !== "period") query.set("screening", screeningScope.value);
    else {
      // Whole Danish days: from the start of "from" to the start of the day after "to".
      if (periodFrom.value) query.set("receivedFrom", new Date(`${periodFrom.value}T00:00:00`).toISOString());
      if (periodTo.value) query.set("receivedTo", new Date(new Date(`${periodTo.value}T00:00:00`).getTime() + 86_400_000).toISOString());
    }
    return query.toString();
  };
  for (const control of [screeningScope, periodFrom, periodTo]) {
    control.addEventListener("change", () => {
      period.hidden = screeningScope.value !== "period";
      void loadScreening().catch(showError);
    });
  }

  const loadScreening = async (): Promise<void> => {
    const page = (await ctx.api.request<InboxPage>(`${teamPath()}/replies?${screeningQuery()}`)).body;
    replace(screening, ...(page.items.length ? page.items.map((r) => dashboardRow(r, user(), "screening", act)) : [empty()]));
    estimate.textContent = t("screeningEstimate", page.screeningEstimateMinutes);
    const line = screenerLine(page.screener);
    screener.textContent = line ?? "";
    screener.hidden = line === null;
  };

  /** The newest handled replies, each with "Fortryd behandlet" (back on the unhandled list). */
  const loadHandled = async (): Promise<void> => {
    const page = (await ctx.api.request<InboxPage>(`${teamPath()}/replies?status=handled&limit=20`)).body;
    replace(handled, ...(page.items.length ? page.items.map((r) => dashboardRow(r, user(), "handled", act)) : [empty()]));
  };

  const showSearch = async (search: SavedSearch): Promise<void> => {
    const result = (await ctx.api.request<SearchResults>(`${teamPath()}/searches/${search.id}/results`)).body;
    const rows = result.items.map((hit: { reply: ReplyListItem }) => dashboardRow(hit.reply, user(), "inbox", act));
    replace(searchResults,
      el("p", { class: "hint", id: "search-summary" }, t("searchResults", result.total, search.name)),
      el("ul", { class: "replies" }, ...(rows.length ? rows : [empty()])));
  };

  const loadSearches = async (): Promise<void> => {
    const items = (await ctx.api.request<SavedSearch[]>(`${teamPath()}/searches`)).body;
    replace(searches, ...items.map((s) => el("li", {},
      el("span", {}, el("strong", {}, s.name), s.responsible ? ` (${s.responsible}${s.substitute ? ` / ${s.substitute}` : ""})` : ""),
      el("span", { class: "row" },
        el("button", { type: "button", "aria-label": `${t("runSearch")}: ${s.name}`, onclick: () => void showSearch(s).catch(showError) }, t("runSearch")),
        el("button", { type: "button", "data-action": "edit", "aria-label": `${t("listEdit")}: ${s.name}`, onclick: () => listForm.edit(s) }, t("listEdit")),
        el("button", { type: "button", "data-action": "delete", "aria-label": `${t("listDelete")}: ${s.name}`, onclick: () => void listForm.remove(s) }, t("listDelete"))))));
  };
  const listForm = sharedListForm(ctx, teamPath, () => loadSearches().catch(showError));

  /**
   * "WorkZone: hentet 09.14, 0 i kø" and the writes WorkZone refused, each with "Prøv igen". Without WorkZone (or when
   * the status cannot be read) nothing is shown: the inbox works the same either way.
   */
  const loadWorkZone = async (): Promise<void> => {
    const state = (await ctx.api.request<WorkZoneStatus>("/api/v1/workzone/status")).body;
    workzone.hidden = !state.configured || !state.summary;
    workzone.textContent = state.summary ?? "";
    workzone.classList.toggle("warning", state.authAlert !== null);
    const failed = state.writesRefused > 0 ? (await ctx.api.request<FailedWorkZoneWrite[]>("/api/v1/workzone/writes/failed")).body : [];
    refused.hidden = failed.length === 0;
    replace(refused, el("h3", { id: "workzone-refused-h" }, t("workzoneRefused")), el("ul", { class: "replies" }, ...failed.map((w) =>
      el("li", {},
        el("span", {}, el("strong", {}, w.subject ?? w.documentId), ` – ${w.reason ?? ""}`),
        el("button", { type: "button", "aria-label": `${t("retryWrite")}: ${w.subject ?? w.documentId}`, onclick: () => void (async () => {
          await ctx.api.request(`/api/v1/workzone/writes/${w.id}/retry`, { method: "POST" }).catch(showError);
          await loadWorkZone().catch(() => undefined);
        })() }, t("retryWrite"))))));
  };

  flagFilter.addEventListener("change", () => {
    pager.reset();
    void loadReplies(null).catch(showError);
  });

  replace(root,
    el("h2", {}, `${t("dashboardTitle")} (${ctx.identity().team})`),
    status,
    workzone,
    screener,
    refused,
    el("section", { class: "card", "aria-labelledby": "unhandled-h" },
      heading,
      el("div", { class: "field" }, el("label", { for: "flag-filter" }, t("filterFlag")), flagFilter),
      totals, list, pager.element),
    el("section", { class: "card", "aria-labelledby": "screening-h" }, el("h3", { id: "screening-h" }, t("screeningList")),
      el("div", { class: "field" }, el("label", { for: "screening-scope" }, t("screeningScope")), screeningScope), period,
      estimate, screening),
    el("section", { class: "card", "aria-labelledby": "handled-h" }, el("h3", { id: "handled-h" }, t("handledView")), handled),
    el("section", { class: "card", "aria-labelledby": "searches-h" }, el("h3", { id: "searches-h" }, t("sharedSearches")), searches, listForm.element, searchResults));
  await Promise.all([loadReplies(null), loadScreening(), loadHandled(), loadSearches()].map((p) => p.catch(showError)));
  await loadWorkZone().catch(() => { workzone.hidden = true; });
}
