import type { Reply, ReplyPage, SavedSearch } from "../api/types";
import { t } from "../i18n/strings";
import { flagLabel, isOverdue } from "../logic/mapping";
import { actionErrorMessage, claimOf, formatWhen } from "../logic/replyState";
import type { PaneContext } from "./context";
import { el, replace, setStatus } from "./dom";

const flagKinds = ["AccessToRecordsRequest", "Complaint", "DeadlineExtensionRequest"];

/** "Digital Post – Mit team": unhandled replies (paged), yesterday's screening list, shared searches. */
export async function mountDashboard(root: HTMLElement, ctx: PaneContext): Promise<void> {
  const team = (): string => encodeURIComponent(ctx.identity().team);
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", id: "dash-status", hidden: true });
  const flagFilter = el("select", { id: "flag-filter" },
    el("option", { value: "" }, t("allFlags")), ...flagKinds.map((k) => el("option", { value: k }, flagLabel(k))));
  const list = el("ul", { class: "replies", id: "reply-list", "aria-label": t("unhandled") });
  const more = el("button", { type: "button", id: "load-more", hidden: true }, t("loadMore"));
  const screening = el("ul", { class: "replies", id: "screening-list" });
  const estimate = el("p", { class: "hint", id: "screening-estimate" });
  const searches = el("ul", { id: "searches" });
  let cursor: string | null = null;

  const row = (reply: Reply, screeningRow: boolean): HTMLElement => {
    const claim = claimOf(reply);
    const due = (reply.flags ?? []).map((f) => f.dueDate).filter((d): d is string => !!d).sort()[0];
    const action = (label: string, path: string, method: "POST" | "DELETE" = "POST"): HTMLElement =>
      el("button", { type: "button", "data-action": path, onclick: () => void act(reply.id, path, method) }, label);
    return el("li", { class: "reply", "data-id": reply.id },
      el("div", { class: "reply-head" },
        el("strong", {}, reply.subject ?? reply.caseNumber ?? reply.id),
        due ? el("span", { class: isOverdue(due, new Date()) ? "due overdue" : "due" }, ` ${t("dueDate")}: ${due}${isOverdue(due, new Date()) ? ` (${t("overdue")})` : ""}`) : null),
      el("div", { class: "tags" }, ...(reply.flags ?? []).map((f) => el("span", { class: "tag", "data-kind": f.kind }, flagLabel(f.kind)))),
      el("p", { class: "hint" }, `${t("received")}: ${formatWhen(reply.receivedAt)}`, claim.holder ? ` · ${t("claimedBy", claim.holder, formatWhen(claim.since))}` : ""),
      reply.text ? el("p", { class: "excerpt" }, reply.text.slice(0, 200)) : null,
      el("div", { class: "actions" },
        screeningRow
          ? (reply.screened ? el("span", {}, t("screened")) : action(t("markScreened"), "screened"))
          : el("span", {}, action(t("claim"), "claim"), action(t("markHandled"), "handled"))));
  };

  const loadReplies = async (append: boolean): Promise<void> => {
    const query = new URLSearchParams({ status: "unhandled" });
    if (flagFilter.value) query.set("flag", flagFilter.value);
    if (append && cursor) query.set("cursor", cursor);
    const page = (await ctx.api.request<ReplyPage>(`/api/v1/teams/${team()}/replies?${query.toString()}`)).body;
    cursor = page.nextCursor ?? null;
    const rows = page.items.map((r) => row(r, false));
    if (append) list.append(...rows);
    else replace(list, ...(rows.length ? rows : [el("li", { class: "muted" }, t("noReplies"))]));
    more.hidden = !cursor;
  };

  const loadScreening = async (): Promise<void> => {
    const page = (await ctx.api.request<ReplyPage>(`/api/v1/teams/${team()}/replies?screening=yesterday&status=all`)).body;
    replace(screening, ...(page.items.length ? page.items.map((r) => row(r, true)) : [el("li", { class: "muted" }, t("noReplies"))]));
    estimate.textContent = t("screeningEstimate", page.screeningEstimateMinutes ?? page.estimatedScreeningMinutes ?? page.items.length);
  };

  const loadSearches = async (): Promise<void> => {
    const result = (await ctx.api.request<SavedSearch[] | { items: SavedSearch[] }>(`/api/v1/teams/${team()}/searches`)).body;
    const items = Array.isArray(result) ? result : result.items;
    replace(searches, ...items.map((s) => el("li", {}, el("strong", {}, s.name), s.responsible ? ` (${s.responsible}${s.substitute ? ` / ${s.substitute}` : ""})` : "")));
  };

  const act = async (id: string, path: string, method: "POST" | "DELETE"): Promise<void> => {
    try {
      await ctx.api.request(`/api/v1/replies/${encodeURIComponent(id)}/${path}`, { method });
      setStatus(status, "success", "✓");
      await Promise.all([loadReplies(false), loadScreening()]);
    } catch (error) {
      setStatus(status, "error", actionErrorMessage(error));
    }
  };

  flagFilter.addEventListener("change", () => void loadReplies(false).catch(showError));
  more.addEventListener("click", () => void loadReplies(true).catch(showError));
  const showError = (error: unknown): void => setStatus(status, "error", actionErrorMessage(error));

  replace(root,
    el("h2", {}, `${t("dashboardTitle")} (${ctx.identity().team})`),
    status,
    el("section", { class: "card", "aria-labelledby": "unhandled-h" },
      el("h3", { id: "unhandled-h" }, t("unhandled")),
      el("div", { class: "field" }, el("label", { for: "flag-filter" }, t("filterFlag")), flagFilter),
      list, more),
    el("section", { class: "card", "aria-labelledby": "screening-h" }, el("h3", { id: "screening-h" }, t("screeningList")), estimate, screening),
    el("section", { class: "card", "aria-labelledby": "searches-h" }, el("h3", { id: "searches-h" }, t("sharedSearches")), searches));
  await Promise.all([loadReplies(false), loadScreening(), loadSearches()].map((p) => p.catch(showError)));
}
