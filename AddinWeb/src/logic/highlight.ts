import type { Flag } from "../api/types";

/** A piece of the reply's text: plain, or evidence of a finding (with the finding it supports). */
export interface TextSegment {
  text: string;
  kind: string | null;
  possible: boolean;
}

/**
 * Cuts the reply's text into plain and evidence pieces from the flags' offsets (field "text" only; subject evidence
 * is not in the text). Overlapping evidence is merged into the first; offsets outside the text are ignored.
 */
export function highlightSegments(text: string, flags: readonly Flag[]): TextSegment[] {
  const marks = flags
    .flatMap((f) => f.evidence.filter((e) => e.field === "text").map((e) => ({ start: e.start, end: e.start + e.length, kind: f.kind, possible: f.certainty === "Possible" })))
    .filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue; // inside the previous mark
    if (mark.start > at) segments.push({ text: text.slice(at, mark.start), kind: null, possible: false });
    segments.push({ text: text.slice(mark.start, mark.end), kind: mark.kind, possible: mark.possible });
    at = mark.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), kind: null, possible: false });
  return segments;
}
