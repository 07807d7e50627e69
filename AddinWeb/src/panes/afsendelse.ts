import type { ApiResponse } from "../api/client";
import type { Check, ComplaintGuidanceTemplate, DispatchRequest, DispatchResponse, RecipientIdType, ReplyOption, Suggestion, SuggestRequest } from "../api/types";
import { t } from "../i18n/strings";
import { debounce } from "../logic/debounce";
import { replyByFromLetter } from "../logic/replyBy";
import { sendKey } from "../logic/sendKey";
import { optionFromPropertyValue, propertyValueOf } from "../logic/mapping";
import { cachedSuggestion, rememberSuggestion, suggestionKey } from "../logic/suggestionCache";
import { highlightEvidence, insertComplaintGuidance } from "../word/complaintGuidance";
import { readLetter, writeReplyOption, type LetterSnapshot } from "../word/document";
import { selectEvidence } from "../word/evidence";
import { Props } from "../word/properties";
import type { PaneContext } from "./context";
import { el, replace, setStatus } from "./dom";
import { choiceForm, suggestionView, type Choice } from "./suggestionView";

const paneStart = performance.now();

/**
 * Word "Afsendelse": suggestion for the open letter, the caseworker's choice, the recorded dispatch. `initial` is the
 * letter the entry already read and `pending` the suggest request it already sent for it (first mount only).
 */
export async function mountAfsendelse(
  root: HTMLElement, ctx: PaneContext, initial: LetterSnapshot | null = null, pending: Promise<ApiResponse<Suggestion>> | null = null,
): Promise<void> {
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", id: "send-status" });
  const recipientId = el("input", { id: "recipient-id", type: "text", inputmode: "numeric", autocomplete: "off" });
  const recipientName = el("input", { id: "recipient-name", type: "text", autocomplete: "off" });
  const caseNumber = el("input", { id: "case-number", type: "text", autocomplete: "off" });
  const result = el("div", { id: "suggestion" }, el("div", { class: "skeleton card tall", "aria-hidden": "true" }));
  replace(root,
    el("section", { class: "card" },
      field("recipient-id", t("recipientId"), recipientId),
      field("recipient-name", "Navn / name", recipientName),
      field("case-number", "Sagsnummer / case number", caseNumber)),
    status, result);

  let lastText: string | null = null;
  let lastChosen: ReplyOption | null = null;
  let letter: LetterSnapshot;
  let early = initial ? { letter: initial, response: pending } : null;
  const suggest = async (force: boolean): Promise<void> => {
    const given = early;
    early = null;
    letter = given?.letter ?? (await readLetter());
    const chosen = chosenOf(letter);
    if (!force && letter.text === lastText && chosen === lastChosen) return;
    lastText = letter.text;
    if (letter.text.trim().length === 0) {
      replace(result);
      setStatus(status, "info", t("blankDocument"));
      return;
    }
    lastChosen = chosen;
    if (!recipientId.value) recipientId.value = letter.properties[Props.recipientId] ?? "";
    if (!recipientName.value) recipientName.value = letter.properties[Props.recipientName] ?? "";
    if (!caseNumber.value) caseNumber.value = letter.caseNumber ?? "";
    setStatus(status, "info", t("loading"));
    const body = suggestRequest(letter, recipientId.value, chosen);
    const key = suggestionKey(letter.documentId, body);
    // The same letter as last time: show that suggestion now; the fresh one replaces it when it arrives.
    const cached = cachedSuggestion<Suggestion>(localStore(), key);
    if (cached) {
      render(cached);
      result.dataset.cached = "true";
      if (!document.body.dataset.cachedSuggestionMs) document.body.dataset.cachedSuggestionMs = String(Math.round(performance.now()));
    }
    try {
      const response = await (given?.response ?? ctx.api.request<Suggestion>("/api/v1/reply-options/suggest", { body }));
      render(response.body);
      delete result.dataset.cached;
      rememberSuggestion(localStore(), key, response.body);
      setStatus(status, "", "");
      reportTiming();
    } catch (error) {
      if (result.querySelector(".skeleton")) replace(result);
      setStatus(status, "error", `${t("error")}: ${(error as Error).message}`);
    }
  };

  const showInDocument = async (phrase: string): Promise<void> => {
    if (!(await selectEvidence(phrase).catch(() => false))) setStatus(status, "info", t("notFoundInDocument"));
  };

  // One click to fix a check; each fix ends with a fresh suggestion, so a fixed check disappears.
  const act = (fix: () => Promise<void>): void => {
    fix().then(() => suggest(true)).catch((error: Error) => setStatus(status, "error", `${t("error")}: ${error.message}`));
  };
  const actions = {
    insertComplaintGuidance: (check: Check) => act(async () => {
      const team = ctx.identity().team;
      const path = `/api/v1/complaint-guidance/templates/${encodeURIComponent(check.kind ?? "")}${team ? `?team=${encodeURIComponent(team)}` : ""}`;
      const template = await ctx.api.request<ComplaintGuidanceTemplate>(path);
      await insertComplaintGuidance(template.body.paragraphs);
      setStatus(status, "success", t("complaintGuidanceInserted"));
    }),
    switchToWithReply: () => act(() => writeReplyOption(propertyValueOf.WithReply)),
    highlight: (check: Check) => act(async () => {
      if ((await highlightEvidence((check.evidence ?? []).map((e) => e.text))) === 0) setStatus(status, "info", t("notFoundInDocument"));
    }),
  };

  const render = (suggestion: Suggestion): void => {
    const stored = optionFromPropertyValue(letter.properties[Props.replyOption]);
    replace(result,
      suggestionView(suggestion, (e) => void showInDocument(e.text), actions),
      choiceForm(suggestion.recommendation, stored, t("recordChoice"), (choice) => void record(suggestion, choice)));
  };

  // One dispatch per click: the button is off while a request is in flight, and the same letter version always
  // goes with the same Idempotency-Key, so a retry or a second click cannot record a second dispatch.
  let sending = false;
  const record = async (suggestion: Suggestion, choice: Choice): Promise<void> => {
    if (sending) return;
    sending = true;
    const button = result.querySelector<HTMLButtonElement>("#submit-choice");
    if (button) button.disabled = true;
    setStatus(status, "info", t("sending"));
    try {
      await writeReplyOption(propertyValueOf[choice.option]);
      const body = dispatchRequest(letter, suggestion, choice, recipientId.value, recipientName.value, caseNumber.value, ctx.identity().team);
      const response = await ctx.api.request<DispatchResponse>("/api/v1/dispatches", { body, idempotencyKey: await sendKey(body) });
      const notice = response.body.notice;
      setStatus(status, notice ? "warning" : "success", notice ?? t("choiceRecorded"));
      status.dataset.dispatchId = response.body.dispatchId;
    } catch (error) {
      setStatus(status, "error", `${t("error")}: ${(error as Error).message}`);
    } finally {
      sending = false;
      if (button) button.disabled = false;
    }
  };

  recipientId.addEventListener("change", () => void suggest(true));
  // Typing moves the selection: re-suggest once the caseworker pauses, and only if the text changed.
  const resuggest = debounce(() => void suggest(false), 1500);
  Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, () => resuggest());
  await suggest(true);
}

/** The pane's localStorage, or null where the host forbids it (the cache is only a shortcut). */
function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return el("div", { class: "field" }, el("label", { for: id }, label), input);
}

function recipientOf(id: string): { idType: RecipientIdType; id: string } | null {
  const digits = id.replace(/[\s-]/g, "");
  if (/^\d{10}$/.test(digits)) return { idType: "CPR", id: digits };
  if (/^\d{8}$/.test(digits)) return { idType: "CVR", id: digits };
  return null;
}

/** The option the caseworker has chosen so far (the document property); physical mail is the register's call, not a choice here. */
export function chosenOf(letter: LetterSnapshot): "WithReply" | "WithoutReply" | null {
  const stored = optionFromPropertyValue(letter.properties[Props.replyOption]);
  return stored === "WithReply" || stored === "WithoutReply" ? stored : null;
}

export function suggestRequest(letter: LetterSnapshot, recipientId: string, chosen: "WithReply" | "WithoutReply" | null = null): SuggestRequest {
  const recipient = recipientOf(recipientId);
  return {
    documentTitle: letter.title,
    documentType: letter.documentType,
    text: letter.text,
    recipient: recipient ? { ...recipient, digitalPostExempt: null, specialLawMandatesDigitalPost: null } : null,
    caseClosed: null,
    chosenOption: chosen,
  };
}

export function dispatchRequest(
  letter: LetterSnapshot, suggestion: Suggestion, choice: Choice, recipientId: string, name: string, caseNumber: string, team: string | null,
): DispatchRequest {
  const recipient = recipientOf(recipientId) ?? { idType: "CPR" as const, id: recipientId };
  return {
    documentId: letter.documentId ?? `word-${hash(letter.title)}`,
    caseNumber,
    documentTitle: letter.title,
    recipient: { ...recipient, name },
    suggestedOption: suggestion.recommendation,
    chosenOption: choice.option,
    overrideReason: choice.overrideReason,
    // "… senest den 15. december 2026" in a letter med svarmulighed is the MeMo reply deadline.
    replyBy: choice.option === "WithReply" ? replyByFromLetter(letter.text) : null,
    // The body text as the main document; the .docx itself comes from WorkZone when SmartPost sends it.
    letter: { fileName: `${letter.title || "brev"}.txt`, contentType: "text/plain", contentBase64: utf8Base64(letter.text) },
    category: suggestion.category,
    team,
  };
}

function utf8Base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

/** First suggestion shown: from navigation start (page load, office.js included) and from our script's start. */
function reportTiming(): void {
  if (document.body.dataset.suggestionMs) return;
  const fromLoad = Math.round(performance.now());
  const fromScript = Math.round(performance.now() - paneStart);
  document.body.dataset.suggestionMs = String(fromLoad);
  console.log(`smartpost: pane load to suggestion ${fromLoad} ms (${fromScript} ms after the pane script started)`);
}
