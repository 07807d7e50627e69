import type { Suggestion } from "../api/types";
import { loadConfig } from "../auth/config";
import { t } from "../i18n/strings";
import { chosenOf, mountAfsendelse, suggestRequest } from "../panes/afsendelse";
import { createPaneContext } from "../panes/context";
import { byId, el, replace } from "../panes/dom";
import { mountOutsideOffice, startPane } from "../panes/outsideOffice";
import { mountShell } from "../panes/shell";
import { readLetter } from "../word/document";
import { looksLikeIncomingReply } from "../word/incoming";
import { Props } from "../word/properties";

// Started while office.js initialises (the page preloads it); not needed for Office, only for the API headers.
const configLoad = loadConfig(location.origin);

// Office.onReady only wires the UI; the Office work lives in src/word/*.ts. The letter is read once, in parallel
// with the config, and the suggest request leaves before any pane UI is built (BENCHMARKS.md, pane load).
startPane(async () => {
  const app = byId("app");
  try {
    const [ctx, letter] = await Promise.all([createPaneContext(Office.context.displayLanguage, configLoad), readLetter()]);
    performance.mark("smartpost:letter-read"); // for benchmarks/addin/pane-load.mjs's timeline
    const incoming = looksLikeIncomingReply(letter);
    let firstSuggestion = incoming || letter.text.trim().length === 0 ? null : ctx.api.request<Suggestion>("/api/v1/reply-options/suggest",
      { body: suggestRequest(letter, letter.properties[Props.recipientId] ?? "", chosenOf(letter)) });
    firstSuggestion?.catch(() => undefined); // awaited (and its error shown) by the pane
    let firstLetter: typeof letter | null = letter;
    const sendTab = (root: HTMLElement): Promise<void> => {
      // Only the first mount uses what was read and sent at start-up; a later visit of the tab reads the letter again.
      const [given, pending] = [firstLetter, firstSuggestion];
      firstLetter = null;
      firstSuggestion = null;
      return mountAfsendelse(root, ctx, given, pending);
    };
    // The claim/handled pane (and its flags view) is a separate chunk, fetched only when that tab is opened.
    const indkommet = (): Promise<typeof import("../panes/indkommet")> => import("../panes/indkommet");
    if (incoming) void indkommet();
    await mountShell(app, ctx, [
      { id: "send", label: t("tabSend"), mount: sendTab },
      { id: "incoming", label: t("tabIncoming"), mount: async (root) => (await indkommet()).mountIndkommet(root, ctx) },
    ], incoming ? "incoming" : "send");
  } catch (error) {
    app.removeAttribute("aria-busy");
    replace(app, el("p", { class: "status error" }, `${t("error")}: ${(error as Error).message}`));
  }
}, async () => mountOutsideOffice(byId("app"), await createPaneContext(navigator.language, configLoad).catch(() => null)));
