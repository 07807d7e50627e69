import { OfficeMockObject } from "office-addin-mock";

type Callback<T> = (result: { status: string; value: T }) => void;
const ok = <T>(value: T) => (cb: Callback<T>) => cb({ status: "succeeded", value });

/** An Outlook mock (office-addin-mock, host "outlook") for a composed and a received message. */
export function mockOutlook(mail: { subject: string; body: string; to?: string[]; stored?: Record<string, string>; categories?: string[] }) {
  const stored: Record<string, string> = { ...(mail.stored ?? {}) };
  const categories = [...(mail.categories ?? [])];
  const completed: Array<{ allowEvent: boolean; errorMessage?: string }> = [];
  const associated: Record<string, unknown> = {};
  const customProperties = { get: (k: string) => stored[k], set: (k: string, v: string) => void (stored[k] = v), remove: (k: string) => void delete stored[k], saveAsync: ok(undefined) };
  const item = {
    subject: { getAsync: ok(mail.subject) },
    body: { getAsync: (_type: unknown, cb: Callback<string>) => cb({ status: "succeeded", value: mail.body }) },
    to: { getAsync: ok((mail.to ?? []).map((emailAddress) => ({ emailAddress }))) },
    loadCustomPropertiesAsync: ok(customProperties),
    categories: {
      getAsync: (cb: Callback<Array<{ displayName: string }>>) => cb({ status: "succeeded", value: categories.map((displayName) => ({ displayName })) }),
      addAsync: (names: string[], cb: Callback<void>) => { categories.push(...names); cb({ status: "succeeded", value: undefined }); },
      removeAsync: (names: string[], cb: Callback<void>) => { names.forEach((n) => categories.splice(categories.indexOf(n), 1)); cb({ status: "succeeded", value: undefined }); },
    },
    internetMessageId: "<reply-1@borger.dk>",
    from: { emailAddress: "borger@example.dk" },
  };
  const office = new OfficeMockObject({
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text" },
    context: { displayLanguage: "da-DK", mailbox: { item } },
    actions: { associate: (name: string, fn: unknown) => void (associated[name] = fn) },
  }, "outlook" as never);
  // Collections and callbacks are passed through as plain values (office-addin-mock cannot mock collections).
  Object.assign(office, { context: { displayLanguage: "da-DK", mailbox: { item } } });
  (globalThis as Record<string, unknown>).Office = office;
  const event = { completed: (options: { allowEvent: boolean; errorMessage?: string }) => void completed.push(options) };
  return { item, stored, categories, completed, associated, event };
}
