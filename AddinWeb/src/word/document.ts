import { allKnownProperties, Props, propertyValue, WorkZoneProps } from "./properties";

/** What the panes need from the open Word document. */
export interface LetterSnapshot {
  title: string;
  text: string;
  properties: Record<string, string>;
  documentId: string | null;
  caseNumber: string | null;
  documentType: string | null;
}

/** Reads title, body text and the known custom properties in one Word.run and one sync. */
export async function readLetter(): Promise<LetterSnapshot> {
  return Word.run(async (context) => {
    const body = context.document.body;
    body.load("text");
    const docProps = context.document.properties;
    docProps.load("title");
    const custom = allKnownProperties.map((key) => {
      const item = docProps.customProperties.getItemOrNullObject(key);
      item.load("value");
      return { key, item };
    });
    await context.sync();

    const properties: Record<string, string> = {};
    for (const { key, item } of custom) {
      if (!item.isNullObject && item.value !== undefined && item.value !== null) properties[key] = String(item.value);
    }
    const first = (keys: readonly string[]): string | null => keys.map((k) => properties[k]).find((v) => v) ?? null;
    return {
      title: docProps.title || firstLine(body.text),
      text: body.text,
      properties,
      documentId: first(WorkZoneProps.documentId),
      caseNumber: first(WorkZoneProps.caseNumber),
      documentType: first(WorkZoneProps.documentType),
    };
  });
}

/** Writes custom properties (add replaces an existing value with the same key). */
export async function writeProperties(values: Record<string, string>): Promise<void> {
  await Word.run(async (context) => {
    const custom = context.document.properties.customProperties;
    for (const [key, value] of Object.entries(values)) custom.add(key, propertyValue(value));
    await context.sync();
  });
}

export async function writeReplyOption(value: "Med" | "Uden" | "Fysisk"): Promise<void> {
  await writeProperties({ [Props.replyOption]: value });
}

/** "SmartPost behandlet" on the document itself: true, when and by whom (the WorkZone form shows them). */
export async function writeHandled(by: string, at: Date): Promise<void> {
  await writeProperties({ [Props.handled]: "true", [Props.handledAt]: at.toISOString(), [Props.handledBy]: by });
}

export async function clearHandled(): Promise<void> {
  await writeProperties({ [Props.handled]: "false", [Props.handledAt]: "", [Props.handledBy]: "" });
}

function firstLine(text: string): string {
  return text.split(/\r?\n|\r/).find((line) => line.trim().length > 0)?.trim().slice(0, 200) ?? "";
}
