import assert from "node:assert/strict";
import { test } from "node:test";
import { mockOutlook } from "./outlookMock";

const g = globalThis as Record<string, unknown>;
g.SMARTPOST_API_BASE = "http://api.test";

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
function serve(handler: (url: string, init?: RequestInit) => Response | Promise<Response>): string[] {
  const calls: string[] = [];
  g.fetch = (async (url: string, init?: RequestInit) => { calls.push(url); return handler(url, init); }) as Fetch;
  return calls;
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const config = json({ environment: "Development", devIdentity: true, clientId: "" });

async function handler() {
  const mod = await import("../../src/send/onMessageSend");
  return mod;
}

test("the handler registers under the manifest's function name", async () => {
  const mock = mockOutlook({ subject: "s", body: "b" });
  const mod = await import(`../../src/send/onMessageSend.ts?${Date.now()}`);
  assert.equal(mock.associated["onMessageSendHandler"], mod.onMessageSendHandler);
});

test("a decision without klagevejledning is blocked once with the Danish reason", async () => {
  const mock = mockOutlook({ subject: "Afgørelse", body: "Vi har besluttet …", stored: { SmartPostSvarmulighed: "Uden" } });
  let sent: unknown;
  const calls = serve((url, init) => {
    if (url.endsWith("/config.json")) return config.clone();
    sent = JSON.parse(String(init?.body));
    return json({ recommendation: "WithoutReply", category: "Decision", conflict: false, reasons: [], evidence: [],
      checks: [{ code: "MissingComplaintGuidance", severity: "Error", message: "Afgørelsen mangler klagevejledning." }] });
  });
  await (await handler()).onMessageSendHandler(mock.event as never);
  assert.equal(mock.completed.length, 1);
  assert.equal(mock.completed[0]?.allowEvent, false);
  assert.match(mock.completed[0]?.errorMessage ?? "", /mangler klagevejledning/);
  assert.ok(calls.some((c) => c === "http://api.test/api/v1/reply-options/suggest"), "absolute API URL");
  assert.deepEqual((sent as { chosenOption: string }).chosenOption, "WithoutReply");
});

test("a mail the guideline accepts is sent", async () => {
  const mock = mockOutlook({ subject: "Kvittering", body: "Tak for din henvendelse." });
  serve((url) => (url.endsWith("/config.json") ? config.clone() : json({ recommendation: "WithoutReply", category: "Receipt", conflict: false, reasons: [], checks: [], evidence: [] })));
  await (await handler()).onMessageSendHandler(mock.event as never);
  assert.deepEqual(mock.completed, [{ allowEvent: true }]);
});

test("an unreachable API lets the mail go, completing exactly once", async () => {
  const mock = mockOutlook({ subject: "s", body: "b" });
  serve(() => { throw new TypeError("fetch failed"); });
  await (await handler()).onMessageSendHandler(mock.event as never);
  assert.equal(mock.completed.length, 1);
  assert.equal(mock.completed[0]?.allowEvent, true);
  assert.match(mock.completed[0]?.errorMessage ?? "", /sendes uden kontrol/);
});

test("an API slower than the timeout lets the mail go after about 3 seconds, exactly once", async () => {
  const mock = mockOutlook({ subject: "s", body: "b" });
  serve((url, init) => url.endsWith("/config.json") ? config.clone() : new Promise<Response>((resolve, reject) => {
    init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    setTimeout(() => resolve(json({ recommendation: "WithReply", category: "x", conflict: false, reasons: [], checks: [], evidence: [] })), 6000).unref();
  }));
  const started = Date.now();
  await (await handler()).onMessageSendHandler(mock.event as never);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(mock.completed.length, 1);
  assert.equal(mock.completed[0]?.allowEvent, true);
  assert.match(mock.completed[0]?.errorMessage ?? "", /inden for 3 sekunder/);
  assert.ok(Date.now() - started < 5000);
});
