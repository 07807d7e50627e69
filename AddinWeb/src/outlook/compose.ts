import type { Recipient, ReplyOption } from "../api/types";
import type { MailForCheck } from "../logic/sendDecision";
import { optionFromPropertyValue, propertyValueOf } from "../logic/mapping";
import { officeAsync } from "./async";

/** Item custom properties the compose pane writes and the send handler reads (they stay on the item). */
export const MailProps = { replyOption: "SmartPostSvarmulighed", recipient: "SmartPostModtager" } as const;

export interface ComposedMail extends MailForCheck {
  recipients: string[];
}

/** Subject, plain-text body, recipients and the stored choice of the mail being composed. */
export async function readComposedMail(item: Office.MessageCompose): Promise<ComposedMail> {
  const [subject, bodyText, to, props] = await Promise.all([
    officeAsync<string>((cb) => item.subject.getAsync(cb)),
    officeAsync<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb)),
    officeAsync<Office.EmailAddressDetails[]>((cb) => item.to.getAsync(cb)),
    officeAsync<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb)),
  ]);
  return {
    subject,
    bodyText,
    recipients: to.map((r) => r.emailAddress),
    chosenOption: optionFromPropertyValue(props.get(MailProps.replyOption)),
    recipient: parseRecipient(props.get(MailProps.recipient)),
  };
}

/** Stores the caseworker's choice on the item so the send-time check can hold the mail to it. */
export async function saveChoiceOnMail(item: Office.MessageCompose, option: ReplyOption, recipient: Recipient | null): Promise<void> {
  const props = await officeAsync<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
  props.set(MailProps.replyOption, propertyValueOf[option]);
  if (recipient) props.set(MailProps.recipient, JSON.stringify(recipient));
  else props.remove(MailProps.recipient);
  await officeAsync<void>((cb) => props.saveAsync(cb));
}

function parseRecipient(value: unknown): Recipient | null {
  if (typeof value !== "string" || value.length === 0) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Recipient>;
    return (parsed.idType === "CPR" || parsed.idType === "CVR") && typeof parsed.id === "string"
      ? { idType: parsed.idType, id: parsed.id }
      : null;
  } catch {
    return null;
  }
}
