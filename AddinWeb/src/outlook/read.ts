import { officeAsync } from "./async";

/** The Outlook category that marks a reply mail as processed (must exist in the mailbox's master list). */
export const handledCategory = "SmartPost behandlet";

export interface ReceivedMail {
  subject: string;
  bodyText: string;
  internetMessageId: string;
  from: string;
}

export async function readReceivedMail(item: Office.MessageRead): Promise<ReceivedMail> {
  const bodyText = await officeAsync<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb));
  return { subject: item.subject, bodyText, internetMessageId: item.internetMessageId, from: item.from?.emailAddress ?? "" };
}

export async function readCategories(item: Office.MessageRead): Promise<string[]> {
  const categories = await officeAsync<Office.CategoryDetails[]>((cb) => item.categories.getAsync(cb));
  return (categories ?? []).map((c) => c.displayName);
}

/** Marks the mail "SmartPost behandlet" with the category (read mode); idempotent. */
export async function markMailHandled(item: Office.MessageRead): Promise<string[]> {
  const existing = await readCategories(item);
  if (!existing.includes(handledCategory)) {
    await officeAsync<void>((cb) => item.categories.addAsync([handledCategory], cb));
  }
  return readCategories(item);
}

export async function unmarkMailHandled(item: Office.MessageRead): Promise<string[]> {
  await officeAsync<void>((cb) => item.categories.removeAsync([handledCategory], cb));
  return readCategories(item);
}
