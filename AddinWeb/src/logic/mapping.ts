import type { Check, ReplyOption } from "../api/types";
import { t, type StringKey } from "../i18n/strings";

/** Values of the document property SmartPostSvarmulighed (Danish, as WorkZone's form shows them). */
export const propertyValueOf: Record<ReplyOption, "Med" | "Uden" | "Fysisk"> = {
  WithReply: "Med",
  WithoutReply: "Uden",
  PhysicalMail: "Fysisk",
};

export function optionFromPropertyValue(value: unknown): ReplyOption | null {
  const entry = Object.entries(propertyValueOf).find(([, v]) => v === value);
  return entry ? (entry[0] as ReplyOption) : null;
}

export const replyOptions: ReplyOption[] = ["WithReply", "WithoutReply", "PhysicalMail"];

export function optionLabel(option: ReplyOption): string {
  return t(option);
}

export function checkText(check: Check): string {
  return check.message || check.code;
}

/**
 * Checks that hold a mail at send time (SoftBlock: "Send anyway" stays possible). Every Error, and the warnings that
 * say the mail contradicts the guideline (exempt recipient, an option against the suggestion). RecipientStatusUnknown
 * only says the register could not answer: that is no reason to stop a caseworker's mail.
 */
const blockingWarnings: readonly string[] = ["RecipientExempt", "ChosenOptionContradictsSuggestion"];

export function isBlocking(check: Check): boolean {
  return check.severity === "Error" || (check.severity === "Warning" && blockingWarnings.includes(check.code));
}

export function flagLabel(kind: string): string {
  const known: string[] = ["AccessToRecordsRequest", "Complaint", "DeadlineExtensionRequest", "SelfServiceExemptionRequest", "NeedsManualScreening"];
  return known.includes(kind) ? t(kind as StringKey) : kind;
}

/** A flag's heading: "Aktindsigt", or for a Possible one "Mulig aktindsigt – tjek", so it is never read as confirmed. */
export function flagTitle(kind: string, certainty: string | undefined): string {
  return certainty === "Possible" ? t("possibleFlag", flagLabel(kind).toLocaleLowerCase()) : flagLabel(kind);
}

/** A due date (YYYY-MM-DD) is overdue once the day has passed in the caseworker's local calendar. */
export function isOverdue(dueDate: string | null | undefined, today: Date): boolean {
  if (!dueDate) return false;
  const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
  return dueDate < local;
}

/** A calendar date from the API (YYYY-MM-DD) the Danish way: 01.12.2026. Kept as given when it is not such a date. */
const monthNames = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

/** A due date (yyyy-MM-dd) as caseworkers write it: "5. december 2026". */
export function formatDate(date: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? "");
  return m ? `${Number(m[3])}. ${monthNames[Number(m[2]) - 1]} ${m[1]}` : (date ?? "");
}
