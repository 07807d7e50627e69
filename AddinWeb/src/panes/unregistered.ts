import type { AnalyzeResult, FlagEvidence } from "../api/types";
import { t } from "../i18n/strings";
import type { PaneContext } from "./context";
import { el } from "./dom";
import { flagsView } from "./flagsView";

/**
 * A reply SmartPost has not registered: flags from the screening endpoint (feat/screening). Until that endpoint is on
 * main the call fails, and the pane says so instead of failing.
 */
export async function unregisteredView(ctx: PaneContext, subject: string, text: string, showEvidence: ((e: FlagEvidence) => void) | null): Promise<HTMLElement> {
  const analysis = await ctx.api
    .request<AnalyzeResult>("/api/v1/screening/analyze", { body: { subject, text, receivedAt: null } })
    .catch(() => null);
  return el("div", {},
    el("p", { class: "status info", id: "not-registered" }, analysis ? t("notRegistered") : t("screeningUnavailable")),
    analysis ? el("section", { class: "card" }, el("h2", {}, t("flags")), flagsView(analysis.body.flags, showEvidence)) : null);
}
