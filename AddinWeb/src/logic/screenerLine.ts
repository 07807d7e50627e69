import type { InboxScreener } from "../api/types";
import { t } from "../i18n/strings";

/**
 * The dashboard's "Dagens postkassevagt" line. The guideline: each team decides who screens and must have a
 * substitute during absence — so a substitute is shown with whom they stand in for and why. Plain text: the
 * caller puts it in a text node (names and absence reasons are typed by people).
 */
export function screenerLine(screener: InboxScreener | null | undefined): string | null {
  if (!screener) return null;
  const why = (screener.because ?? screener.reason).trim().replace(/\.$/, "");
  if (!screener.person) return t("screenerNobody", why);
  if (!screener.isSubstitute) return t("screenerToday", screener.person);
  return screener.scheduled
    ? t("screenerSubstitute", screener.person, screener.scheduled, why)
    : t("screenerStandIn", screener.person, why);
}
