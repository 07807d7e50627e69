import type { ReplyHistoryEntry } from "../api/types";
import { t } from "../i18n/strings";
import { historyLine } from "../logic/corrections";
import { el } from "./dom";

/** The reply's history, newest first, one Danish sentence per change. */
export function historyView(entries: ReplyHistoryEntry[]): HTMLElement {
  if (entries.length === 0) return el("p", { class: "muted", id: "history" }, t("historyEmpty"));
  return el("ol", { class: "history", id: "history", reversed: true },
    ...[...entries].reverse().map((e) => el("li", { "data-kind": e.kind }, historyLine(e))));
}
