import { ApiError } from "../api/client";
import type { Recipient, ReplyOption, SuggestRequest, Suggestion } from "../api/types";
import { t } from "../i18n/strings";
import { checkText, isBlocking } from "./mapping";

/** What the Smart Alerts handler passes to event.completed. */
export interface SendDecision {
  allowEvent: boolean;
  errorMessage?: string;
}

/** The mail as the send handler sees it: what the caseworker wrote plus what the compose pane stored on the item. */
export interface MailForCheck {
  subject: string;
  bodyText: string;
  chosenOption: ReplyOption | null;
  recipient: Recipient | null;
}

export const maxErrorMessageLength = 500; // Outlook's limit for errorMessage (REFERENCE.md, Smart Alerts)

export function suggestRequestForMail(mail: MailForCheck): SuggestRequest {
  return {
    documentTitle: mail.subject,
    documentType: null,
    text: mail.bodyText,
    recipient: mail.recipient,
    caseClosed: null,
    // The API takes only WithReply/WithoutReply here: physical mail is the register's call, not a choice to check.
    chosenOption: mail.chosenOption === "PhysicalMail" ? null : mail.chosenOption,
  };
}

/**
 * Block (SoftBlock: the caseworker can still "Send anyway") when the guidance raised any check that is not merely
 * informational — missing klagevejledning, a decision sent with reply, an exempt recipient, … — and say why in Danish.
 */
export function decideOnSend(suggestion: Suggestion): SendDecision {
  const blocking = suggestion.checks.filter(isBlocking);
  if (blocking.length === 0) return { allowEvent: true };
  const lines = [t("sendBlockedIntro"), ...blocking.map((c) => `• ${checkText(c)}`), t("sendFixOrSend")];
  return { allowEvent: false, errorMessage: truncate(lines.join("\n"), maxErrorMessageLength) };
}

/** The API could not answer in time or failed: never trap a caseworker's mail, but say why it went unchecked. */
export function decideOnFailure(error: unknown, timeoutSeconds: number): SendDecision {
  const timedOut = error instanceof ApiError ? error.status === 0 && error.problem.title === "timeout" : error === "timeout";
  const message = timedOut
    ? t("sendApiTimeout", timeoutSeconds)
    : t("sendApiError", error instanceof ApiError ? (error.status === 0 ? "netværk/network" : `HTTP ${error.status}`) : String(error));
  return { allowEvent: true, errorMessage: truncate(message, maxErrorMessageLength) };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
