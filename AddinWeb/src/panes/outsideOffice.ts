import type { InboxPage, Suggestion, SuggestRequest } from "../api/types";
import { t } from "../i18n/strings";
import { actionErrorMessage } from "../logic/replyState";
import type { PaneContext } from "./context";
import { devIdentityPicker } from "./devIdentity";
import { el, replace, setStatus } from "./dom";
import { mountReplyPanel } from "./replyPanel";
import { suggestionView } from "./suggestionView";

/**
 * When, counted from navigation start, a pane without an answer from Office says it runs outside Office (it still
 * starts if Office answers later). Office.js itself takes part of this to load; the pane waits at least
 * {@link minimumWaitMs} after its own start.
 */
export const officeWaitMs = 1200;
const minimumWaitMs = 300;
const hostedWaitMs = 10_000;

function likelyInOfficeClient(): boolean {
  const w = window as unknown as { chrome?: { webview?: unknown }; webkit?: { messageHandlers?: unknown } };
  return window.parent !== window || w.chrome?.webview !== undefined || w.webkit?.messageHandlers !== undefined;
}

/**
 * Starts a pane: `inOffice` once Office reports a host, `outside` when there is no Office (office.js missing, or
 * no host — a plain browser tab) or Office has not answered by {@link officeWaitMs}. A late answer from a real
 * host replaces the preview with the pane, so a slow Office client is never stuck on it.
 */
export function startPane(inOffice: () => Promise<void>, outside: () => Promise<void>): void {
  if (typeof Office === "undefined") {
    console.log("smartpost: outside Office (office.js not loaded)");
    void outside();
    return;
  }
  let shownOutside = false;
  const showOutside = (why: string): void => {
    shownOutside = true;
    console.log(`smartpost: outside Office (${why}) ${Math.round(performance.now())} ms after navigation start`);
    void outside();
  };
  // Inside an Office client (a frame in Office on the web, WebView2 on Windows, WKWebView on Mac) a slow start is
  // just slow: wait for it rather than flash the preview.
  const wait = likelyInOfficeClient() ? hostedWaitMs : Math.max(minimumWaitMs, officeWaitMs - performance.now());
  const timer = setTimeout(() => showOutside("no answer from Office"), wait);
  void Office.onReady().then((info) => {
    performance.mark("smartpost:office-ready"); // for benchmarks/addin/pane-load.mjs's timeline
    clearTimeout(timer);
    if (info?.host) void inOffice();
    else if (!shownOutside) showOutside("no host");
  });
}

/**
 * The pane opened in a browser: says in Danish that it runs inside Word/Outlook, and (in Development, where the
 * header identity works) offers a preview — paste a letter and get the suggestion, pick a demo reply and take it
 * or mark it handled — so the product can be tried without Office.
 */
export async function mountOutsideOffice(app: HTMLElement, ctx: PaneContext | null): Promise<void> {
  app.removeAttribute("aria-busy");
  const intro = el("p", { class: "status info", id: "outside-office" }, t("outsideOffice"));
  if (!ctx || !ctx.config.devIdentity) {
    replace(app, el("header", {}, el("h1", {}, t("appTitle"))), el("main", {}, intro, el("p", {}, t("outsideOfficeOpen"))));
    return;
  }

  const title = el("input", { id: "preview-title", type: "text", autocomplete: "off", value: "Afgørelse om kørekort" });
  const letter = el("textarea", { id: "preview-letter", rows: "6", placeholder: t("previewLetterHint") });
  const suggestion = el("div", { id: "suggestion" });
  const suggestStatus = el("p", { class: "status", role: "status", "aria-live": "polite", hidden: true });
  const suggest = async (): Promise<void> => {
    if (letter.value.trim().length === 0) {
      setStatus(suggestStatus, "info", t("blankDocument"));
      return;
    }
    setStatus(suggestStatus, "info", t("loading"));
    try {
      const body: SuggestRequest = { documentTitle: title.value, documentType: null, text: letter.value, recipient: null, caseClosed: null, chosenOption: null };
      const response = await ctx.api.request<Suggestion>("/api/v1/reply-options/suggest", { body });
      setStatus(suggestStatus, "", "");
      replace(suggestion, suggestionView(response.body, null));
    } catch (error) {
      setStatus(suggestStatus, "error", actionErrorMessage(error));
    }
  };

  const replies = el("select", { id: "preview-reply" }, el("option", { value: "" }, t("previewPickReply")));
  const replyPanel = el("div", { id: "preview-reply-panel" });
  const loadReplies = async (): Promise<void> => {
    try {
      const team = encodeURIComponent(ctx.identity().team);
      const page = (await ctx.api.request<InboxPage>(`/api/v1/teams/${team}/replies?limit=20`)).body;
      replace(replies, el("option", { value: "" }, t("previewPickReply")),
        ...page.items.map((r) => el("option", { value: String(r.id) }, r.subject ?? r.caseNumber ?? t("tabIncoming"))));
    } catch (error) {
      replace(replyPanel, el("p", { class: "status error" }, actionErrorMessage(error)));
    }
  };
  replies.addEventListener("change", () => {
    const id = Number(replies.value);
    if (id > 0) void mountReplyPanel(replyPanel, ctx, id, { showEvidence: null, onHandled: async () => undefined });
    else replace(replyPanel);
  });

  replace(app,
    el("header", {}, el("h1", {}, t("appTitle")), devIdentityPicker(() => { void loadReplies(); replace(replyPanel); replies.value = ""; })),
    el("main", {},
      intro,
      el("section", { class: "card", "aria-labelledby": "preview-send-h" },
        el("h2", { id: "preview-send-h" }, t("previewSend")),
        el("div", { class: "field" }, el("label", { for: "preview-title" }, t("previewTitle")), title),
        el("div", { class: "field" }, el("label", { for: "preview-letter" }, t("previewLetter")), letter),
        el("button", { type: "button", class: "primary", id: "preview-suggest", onclick: () => void suggest() }, t("previewSuggest")),
        suggestStatus),
      suggestion,
      el("section", { class: "card", "aria-labelledby": "preview-reply-h" },
        el("h2", { id: "preview-reply-h" }, t("previewReplies")),
        el("div", { class: "field" }, el("label", { for: "preview-reply" }, t("previewPickReply")), replies)),
      replyPanel));
  await loadReplies();
}
