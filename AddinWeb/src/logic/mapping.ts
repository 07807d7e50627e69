import type { Check, ReplyOption, Suggestion } from "../api/types";
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

/** The guideline reasons as display lines, whatever shape the API gives them in. */
export function reasonLines(suggestion: Suggestion): string[] {
  return suggestion.reasons.map((r) => (typeof r === "string" ? r : [r.rule, r.guideline ?? r.text].filter(Boolean).join(": ")));
}

export function checkText(check: Check): string {
  return check.message ?? check.text ?? check.code;
}

/** A check the caseworker must look at before sending; infos do not stop a send. */
export function isBlocking(check: Check): boolean {
  return check.severity.toLowerCase() !== "info";
}

export function flagLabel(kind: string): string {
  const known: string[] = ["AccessToRecordsRequest", "Complaint", "DeadlineExtensionRequest"];
  return known.includes(kind) ? t(kind as StringKey) : kind;
}

/** A due date (YYYY-MM-DD) is overdue once the day has passed in the caseworker's local calendar. */
export function isOverdue(dueDate: string | null | undefined, today: Date): boolean {
  if (!dueDate) return false;
  const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
  return dueDate < local;
}
