import type { Flag, FlagEvidence } from "../api/types";
import { t } from "../i18n/strings";
import { highlightSegments } from "../logic/highlight";
import { flagTitle } from "../logic/mapping";
import { el } from "./dom";

/** The reply's text with each finding's evidence marked (a Possible finding's marks dashed). Text nodes only. */
export function replyTextView(text: string, flags: readonly Flag[]): HTMLElement {
  if (text.trim().length === 0) return el("p", { class: "muted", id: "reply-text" }, t("replyNoText"));
  let offset = 0;
  const parts = highlightSegments(text, flags).map((segment) => {
    const start = offset;
    offset += segment.text.length;
    if (!segment.kind) return segment.text;
    const finding = flagTitle(segment.kind, segment.possible ? "Possible" : "Certain");
    return el("mark", {
      class: segment.possible ? "evidence possible" : "evidence", "data-kind": segment.kind, "data-start": String(start),
      title: t("evidenceOf", finding), tabindex: "-1",
    }, segment.text);
  });
  return el("div", { class: "reply-text", id: "reply-text", "aria-label": t("replyText") }, ...parts);
}

/** "Vis" next to a finding's evidence: the mark in the text scrolls into view and takes focus. */
export function showEvidenceIn(container: HTMLElement, evidence: FlagEvidence): void {
  const marks = Array.from(container.querySelectorAll<HTMLElement>("mark.evidence"));
  const mark = marks.find((m) => Number(m.dataset["start"]) === evidence.start)
    ?? marks.find((m) => m.textContent?.toLocaleLowerCase() === evidence.text.toLocaleLowerCase());
  if (!mark) return;
  mark.scrollIntoView({ block: "center" });
  mark.focus();
  mark.classList.remove("flash");
  void mark.offsetWidth; // restart the animation
  mark.classList.add("flash");
}
