import type { CorrectionStatistics, KindCorrections } from "../api/types";
import { language, t } from "../i18n/strings";
import { flagLabel } from "../logic/mapping";
import { actionErrorMessage } from "../logic/replyState";
import type { PaneContext } from "./context";
import { el, replace } from "./dom";

/**
 * The team lead's view of the corrections: per month and kind what the screening found, what caseworkers confirmed,
 * rejected and added by hand, and the measured precision and recall. Team leads only (the API answers 403 to others).
 */
export async function mountCorrectionStats(root: HTMLElement, ctx: PaneContext, team: string, period?: { from: string; to: string }): Promise<void> {
  const query = period ? `?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}` : "";
  try {
    const stats = (await ctx.api.request<CorrectionStatistics>(`/api/v1/teams/${encodeURIComponent(team)}/statistics/corrections${query}`)).body;
    replace(root, correctionStatsView(stats));
  } catch (error) {
    replace(root, el("p", { class: "status error" }, actionErrorMessage(error)));
  }
}

export function correctionStatsView(stats: CorrectionStatistics): HTMLElement {
  return el("section", { class: "card", id: "correction-stats", "aria-labelledby": "correction-stats-h" },
    el("h2", { id: "correction-stats-h" }, t("correctionStats")),
    table(t("statsTotal"), stats.total),
    ...[...stats.months].reverse().filter((m) => m.kinds.some((k) => k.found + k.added > 0))
      .map((m) => table(monthName(m.month), m.kinds)));
}

function table(caption: string, kinds: KindCorrections[]): HTMLElement {
  const headings = ["statsKind", "statsFound", "statsConfirmed", "statsRejected", "statsAdded", "statsPrecision", "statsRecall"] as const;
  return el("table", { class: "stats-table" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...headings.map((h) => el("th", { scope: "col" }, t(h))))),
    el("tbody", {}, ...kinds.map((k) => el("tr", { "data-kind": k.kind },
      el("th", { scope: "row" }, flagLabel(k.kind)),
      el("td", {}, certaintySplit(k)),
      el("td", {}, String(k.confirmed)),
      el("td", {}, String(k.rejected)),
      el("td", {}, String(k.added)),
      el("td", {}, percent(k.precision)),
      el("td", {}, percent(k.recall))))));
}

/** "12 (8 sikre, 4 mulige)": the total with its certainty tiers. */
function certaintySplit(k: KindCorrections): string {
  const certain = k.perCertainty.find((c) => c.certainty === "Certain")?.found ?? 0;
  const possible = k.perCertainty.find((c) => c.certainty === "Possible")?.found ?? 0;
  return possible === 0 ? String(k.found) : `${k.found} (${certain} ${t("statsCertain").toLowerCase()}, ${possible} ${t("statsPossible").toLowerCase()})`;
}

export function percent(value: number | null): string {
  if (value === null) return "–";
  return `${(value * 100).toLocaleString(language() === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 1 })} %`;
}

function monthName(month: string): string {
  const [year, m] = month.split("-").map(Number);
  const name = new Date(Date.UTC(year ?? 2000, (m ?? 1) - 1, 1)).toLocaleDateString(language() === "da" ? "da-DK" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  return name;
}
