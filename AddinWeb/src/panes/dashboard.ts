import type { FlagTotals, InboxPage, Me, ReplyListItem, SavedSearch, SearchResults, TeamStatistics } from "../api/types";
import { t, type StringKey } from "../i18n/strings";
import type { ListAction } from "../logic/listKeys";
import { flagLabel } from "../logic/mapping";
import { actionErrorMessage } from "../logic/replyState";
import { screenerLine } from "../logic/screenerLine";
import type { PaneContext } from "./context";
import { el, replace, setStatus } from "./dom";
import { createPager } from "./pager";
import { createReadingPane } from "./readingPane";
import { createReplyTable } from "./replyTable";
import { screeningControls } from "./screeningControls";
import { sharedListForm } from "./sharedListForm";
import { shortcutsHelp } from "./shortcutsHelp";
import { mountCorrectionStats } from "./correctionStats";
import { teamCharts } from "./teamCharts";
import { workZoneBanner } from "./workZoneBanner";

type View = "inbox" | "screening" | "handled" | "lists" | "stats";
const views: Array<{ id: View; label: StringKey }> = [
  { id: "inbox", label: "viewInbox" }, { id: "screening", label: "viewScreening" }, { id: "handled", label: "viewHandled" },
  { id: "lists", label: "viewLists" }, { id: "stats", label: "viewStats" },
];
const flagFilters = ["AccessToRecordsRequest", "Complaint", "DeadlineExtensionRequest", "NeedsManualScreening"];
const pageSize = 50;
const flagTotal: Record<string, keyof FlagTotals> = {
  "": "all", AccessToRecordsRequest: "accessToRecordsRequest", Complaint: "complaint",
  DeadlineExtensionRequest: "deadlineExtensionRequest", NeedsManualScreening: "needsManualScreening",
};

/**
 * "Digital Post – Mit team" as a mail client: views (unhandled, screening, handled, shared lists, statistics for team
 * leads), a dense sortable list one page at a time, and a reading pane with the reply's text and actions.
 */
export async function mountDashboard(root: HTMLElement, ctx: PaneContext): Promise<void> {
  const teamPath = (): string => `/api/v1/teams/${encodeURIComponent(ctx.identity().team)}`;
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", id: "dash-status", hidden: true });
  const showError = (error: unknown): void => setStatus(status, "error", actionErrorMessage(error));
  let view: View = "inbox";
  let search: SavedSearch | null = null;

  const reload = (): void => void loadList(pager.current()).catch(showError);
  const pane = createReadingPane(ctx, reload);
  const table = createReplyTable({
    open: (reply) => void pane.open(reply.id),
    action: (action, reply) => void runShortcut(action, reply),
  });
  const pager = createPager(pageSize, (cursor) => loadList(cursor).then(() => table.focus()).catch(showError));
  const help = shortcutsHelp();

  /** A shortcut presses the reading pane's button for the selected reply (opened first), so one code path acts. */
  const runShortcut = async (action: ListAction, reply: ReplyListItem | null): Promise<void> => {
    if (action === "help") { help.open = !help.open; return; }
    if (!reply) return;
    if (pane.current() !== reply.id) await pane.open(reply.id);
    await new Promise((r) => setTimeout(r, 0));
    const pressed = action === "claim" ? pane.press("claim") || pane.press("release")
      : action === "handled" ? pane.press("handle")
      : action === "unhandle" ? pane.press("unhandle")
      : pane.press("screen");
    if (!pressed) pane.element.focus();
  };

  const flagFilter = el("select", { id: "flag-filter" },
    el("option", { value: "" }, t("allFlags")), ...flagFilters.map((k) => el("option", { value: k }, flagLabel(k))));
  const totals = el("p", { class: "hint", id: "totals" });
  const screening = screeningControls(() => { pager.reset(); reload(); });
  const screener = el("p", { id: "screener", hidden: true });
  const toolbar = el("div", { class: "toolbar" });
  const listColumn = el("section", { class: "list-column", "aria-labelledby": "view-h" });
  const heading = el("h3", { id: "view-h", tabindex: "-1" });
  const mail = el("div", { class: "mail", id: "mail" }, listColumn, pane.element);
  const tabs = views.map((v) => el("button", {
    type: "button", role: "tab", id: `view-${v.id}`, "aria-selected": "false", "aria-controls": "mail", hidden: v.id === "stats",
    onclick: () => void show(v.id),
  }, t(v.label)));

  const query = (cursor: string | null): string => {
    const q = view === "screening" ? screening.query() : new URLSearchParams({ status: view === "handled" ? "handled" : "unhandled" });
    q.set("limit", String(pageSize));
    if (view === "inbox" && flagFilter.value) q.set("flag", flagFilter.value);
    if (cursor) q.set("cursor", cursor);
    return q.toString();
  };

  // Views, filters and period fields can send several requests at once; only the newest one's answer is shown, so a
  // slower earlier answer (e.g. the whole list before the period was filled in) cannot overwrite it.
  let latestList = 0;
  const loadList = async (cursor: string | null): Promise<void> => {
    const request = ++latestList;
    if (view === "lists" && search) {
      const result = (await ctx.api.request<SearchResults>(`${teamPath()}/searches/${search.id}/results`)).body;
      if (request !== latestList) return;
      table.show(result.items.map((hit) => hit.reply), 1, result.total);
      totals.textContent = t("searchResults", result.total, search.name);
      return;
    }
    if (view === "lists") { // no list run yet: an empty table until one is
      table.show([], 1, 0);
      pager.update(null, 0, 0);
      return;
    }
    if (view === "stats") return;
    const page = (await ctx.api.request<InboxPage>(`${teamPath()}/replies?${query(cursor)}`)).body;
    if (request !== latestList) return;
    const total = page.totals[view === "inbox" ? flagTotal[flagFilter.value] ?? "all" : "all"];
    table.show(page.items, pager.offset() + 1, total);
    pager.update(page.nextCursor, page.items.length, total);
    const tt = page.totals;
    totals.textContent = view === "inbox" ? t("totals", tt.all, tt.accessToRecordsRequest, tt.complaint, tt.deadlineExtensionRequest, tt.needsManualScreening) : "";
    if (view === "screening") {
      screening.estimate.textContent = t("screeningEstimate", page.screeningEstimateMinutes);
      const line = screenerLine(page.screener);
      screener.textContent = line ?? "";
      screener.hidden = line === null;
    }
  };

  const searches = el("ul", { class: "searches", id: "searches" });
  const loadSearches = async (): Promise<void> => {
    const items = (await ctx.api.request<SavedSearch[]>(`${teamPath()}/searches`)).body;
    replace(searches, ...items.map((s) => el("li", {},
      el("span", {}, el("strong", {}, s.name), s.responsible ? ` (${s.responsible}${s.substitute ? ` / ${s.substitute}` : ""})` : ""),
      el("span", { class: "row" },
        el("button", { type: "button", "aria-label": `${t("runSearch")}: ${s.name}`, onclick: () => { search = s; void loadList(null).catch(showError); } }, t("runSearch")),
        el("button", { type: "button", "data-action": "edit", "aria-label": `${t("listEdit")}: ${s.name}`, onclick: () => listForm.edit(s) }, t("listEdit")),
        el("button", { type: "button", "data-action": "delete", "aria-label": `${t("listDelete")}: ${s.name}`, onclick: () => void listForm.remove(s) }, t("listDelete"))))));
  };
  const listForm = sharedListForm(ctx, teamPath, () => loadSearches().catch(showError));

  const show = async (next: View): Promise<void> => {
    view = next;
    search = null;
    pager.reset();
    tabs.forEach((tab, i) => tab.setAttribute("aria-selected", String(views[i]?.id === next)));
    heading.textContent = t(views.find((v) => v.id === next)?.label ?? "viewInbox");
    const listViews: Record<View, HTMLElement[]> = {
      inbox: [el("div", { class: "field" }, el("label", { for: "flag-filter" }, t("filterFlag")), flagFilter), totals],
      screening: [screening.element, screener],
      handled: [],
      lists: [searches, listForm.element, totals],
      stats: [],
    };
    replace(toolbar, ...listViews[next]);
    table.handledView(next === "handled");
    mail.classList.toggle("no-pane", next === "stats"); // the charts take the whole width
    totals.textContent = "";
    if (next === "stats") {
      replace(listColumn, heading, el("p", { class: "hint" }, t("statsTitle")), el("p", { class: "muted" }, "…"));
      const stats = (await ctx.api.request<TeamStatistics>(`${teamPath()}/statistics`)).body;
      // Below the charts: what caseworkers confirmed, rejected and added — the screening's measured precision and recall.
      const corrections = el("div", { id: "correction-stats-root" });
      replace(listColumn, heading, el("p", { class: "hint" }, t("statsTitle")), teamCharts(stats), corrections);
      await mountCorrectionStats(corrections, ctx, ctx.identity().team);
      return;
    }
    replace(listColumn, heading, toolbar, table.element, pager.element, help);
    if (next === "lists") await loadSearches();
    await loadList(null);
  };

  flagFilter.addEventListener("change", () => { pager.reset(); reload(); });

  const workZone = workZoneBanner(ctx, showError);

  replace(root,
    el("h2", {}, `${t("dashboardTitle")} (${ctx.identity().team})`),
    status, workZone.status, workZone.refused,
    el("div", { role: "tablist", class: "views", "aria-label": t("dashboardTitle") }, ...tabs),
    mail);
  await show("inbox").catch(showError);
  await workZone.load();
  // Statistics are the team lead's (the API answers 403 to everyone else): asking /me avoids a refused request on
  // every caseworker's dashboard load.
  const teamLead = await ctx.api.request<Me>("/api/v1/me").then((r) => r.body.teamLead, () => false);
  if (teamLead) tabs[views.findIndex((v) => v.id === "stats")]!.hidden = false;
}
