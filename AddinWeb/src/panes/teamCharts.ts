import type { TeamStatistics } from "../api/types";
import { t } from "../i18n/strings";
import { formatDate } from "../logic/mapping";
import { el } from "./dom";

const svgNs = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: Array<SVGElement | string>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) node.append(child);
  return node;
}

interface Bar {
  label: string;
  value: number;
  tone?: string;
}

/** A figure with its caption; the SVG's label says the numbers in words for screen readers. */
function figure(title: string, chart: SVGSVGElement, bars: Bar[]): HTMLElement {
  chart.setAttribute("role", "img");
  chart.setAttribute("aria-label", `${title}. ${bars.map((b) => t("chartSummary", b.label, b.value)).join(", ")}`);
  return el("figure", { class: "chart" }, el("figcaption", {}, title), chart);
}

/** Horizontal bars with the label on the left and the number at the end of the bar. */
export function barChart(title: string, bars: Bar[]): HTMLElement {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 22;
  const labelWidth = 175;
  const width = 320;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${bars.length * rowHeight}`, class: "bars" },
    ...bars.flatMap((b, i) => {
      const y = i * rowHeight;
      const length = Math.round(((width - labelWidth - 24) * b.value) / max);
      return [
        svg("text", { x: 0, y: y + 15, class: "label" }, b.label),
        svg("rect", { x: labelWidth, y: y + 4, width: Math.max(length, b.value > 0 ? 2 : 0), height: rowHeight - 8, class: `bar ${b.tone ?? ""}`, rx: 2 },
          svg("title", {}, `${b.label}: ${b.value}`)),
        svg("text", { x: labelWidth + length + 4, y: y + 15, class: "value" }, String(b.value)),
      ];
    }));
  return figure(title, chart, bars);
}

/** One column per day, the first and last day under the axis and the highest count beside it. */
export function dayChart(title: string, days: Array<{ date: string; replies: number }>): HTMLElement {
  const max = Math.max(1, ...days.map((d) => d.replies));
  const width = 320, height = 90, top = 12, bottom = 18;
  const step = width / Math.max(1, days.length);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "columns" },
    ...days.map((d, i) => {
      const h = Math.round(((height - top - bottom) * d.replies) / max);
      return svg("rect", { x: i * step + 1, y: height - bottom - h, width: Math.max(1, step - 2), height: h, class: "bar" },
        svg("title", {}, `${formatDate(d.date)}: ${d.replies}`));
    }),
    svg("line", { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: "axis" }),
    svg("text", { x: 0, y: 10, class: "value" }, `${max}`),
    svg("text", { x: 0, y: height - 4, class: "label" }, formatDate(days[0]?.date)),
    svg("text", { x: width, y: height - 4, class: "label end" }, formatDate(days[days.length - 1]?.date)));
  const busiest = days.reduce((a, b) => (b.replies > a.replies ? b : a), days[0] ?? { date: "", replies: 0 });
  return figure(title, chart, [
    { label: t("chartTotal"), value: days.reduce((sum, d) => sum + d.replies, 0) },
    { label: t("chartBusiest", formatDate(busiest.date)), value: busiest.replies },
  ]);
}

const hoursLabel = (hours: number): string => (hours < 24 ? t("hours", hours) : t("days", hours / 24));

/** The team lead's four small charts: replies per day, findings by kind, deadlines, time to "behandlet". */
export function teamCharts(stats: TeamStatistics): HTMLElement {
  if (stats.received === 0) return el("p", { class: "muted", id: "stats-empty" }, t("chartNoData"));
  const f = stats.perFlag;
  const handledInTime = Math.max(0, stats.handled - stats.handledLate);
  const buckets = stats.handlingTimes.map((b, i, all) => ({
    label: b.upToHours !== null ? t("handlingUnder", hoursLabel(b.upToHours)) : t("handlingOver", hoursLabel(all[i - 1]?.upToHours ?? 0)),
    value: b.count,
  }));
  return el("div", { class: "charts", id: "team-charts" },
    dayChart(t("chartPerDay"), stats.screeningMinutesPerDay),
    barChart(t("chartByKind"), [
      { label: t("AccessToRecordsRequest"), value: f.accessToRecordsRequest },
      { label: t("Complaint"), value: f.complaint },
      { label: t("DeadlineExtensionRequest"), value: f.deadlineExtensionRequest },
      { label: t("NeedsManualScreening"), value: f.needsManualScreening },
    ]),
    barChart(t("chartDeadlines"), [
      { label: t("overdueOpen"), value: stats.overdue, tone: "overdue" },
      { label: t("handledLate"), value: stats.handledLate, tone: "soon" },
      { label: t("handledInTime"), value: handledInTime, tone: "later" },
    ]),
    el("div", {},
      barChart(t("chartHandlingTime"), buckets),
      stats.medianHandlingHours === null ? null : el("p", { class: "hint" }, t("medianHandling", String(stats.medianHandlingHours).replace(".", ",")))));
}
