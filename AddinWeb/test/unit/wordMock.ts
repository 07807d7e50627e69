import { OfficeMockObject } from "office-addin-mock";

/** A Word mock (office-addin-mock) over a document with a body, a title and custom properties. */
export function mockWord(doc: { title: string; text: string; properties?: Record<string, string>; searchable?: string[] }) {
  const properties: Record<string, { value: string; isNullObject: boolean }> = {};
  for (const [key, value] of Object.entries(doc.properties ?? {})) properties[key] = { value, isNullObject: false };
  const selected: string[] = [];
  const highlighted: string[] = [];
  const inserted: Array<{ text: string; location: string; bold: boolean | undefined }> = [];
  const data = {
    context: {
      document: {
        body: {
          text: doc.text,
          search(needle: string) {
            const found = (doc.searchable ?? [doc.text]).some((t) => t.toLowerCase().includes(needle.toLowerCase()));
            const font = { set highlightColor(color: string) { highlighted.push(`${needle}:${color}`); } };
            return { getFirstOrNullObject: () => loaded({ isNullObject: !found, font, select: () => selected.push(needle) }) };
          },
          insertParagraph(text: string, location: string) {
            const entry: { text: string; location: string; bold: boolean | undefined } = { text, location, bold: undefined };
            inserted.push(entry);
            return { font: { set bold(value: boolean) { entry.bold = value; } } };
          },
        },
        properties: {
          title: doc.title,
          customProperties: {
            getItemOrNullObject(key: string) {
              return loaded(properties[key] ?? { isNullObject: true, value: "" });
            },
            add(key: string, value: string) {
              properties[key] = { value, isNullObject: false };
            },
          },
        },
      },
    },
    run: async function <T>(callback: (context: unknown) => Promise<T>): Promise<T> {
      return callback(this.context);
    },
  };
  const mock = new OfficeMockObject(data);
  (globalThis as Record<string, unknown>).Word = mock;
  return { properties, selected, highlighted, inserted };
}

/** Objects the mocked Word returns from method calls (ranges, items): their properties are already there. */
function loaded<T extends object>(values: T): T & { load(): void } {
  return Object.assign(Object.create(null) as object, values, { load: () => undefined }) as T & { load(): void };
}
