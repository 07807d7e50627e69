import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { api, launchBrowser, openPane, screenshot, startApi } from "./harness";

let server: { baseUrl: string; stop(): void };
let browser: Browser;

before(async () => {
  server = await startApi();
  browser = await launchBrowser();
}, { timeout: 300_000 });

after(async () => {
  await browser?.close();
  server?.stop();
});

const decisionLetter = {
  title: "Afgørelse om frakendelse af førerretten",
  text: "Afgørelse\nDu frakendes førerretten betinget. Vi har truffet afgørelse i din sag.\nKlagevejledning: Du kan klage til Trafikstyrelsen inden 4 uger.",
  properties: { Sagsnummer: "2026-000123", SmartPostModtagerId: "0101901234", SmartPostModtagerNavn: "Jens Hansen" },
};

test("Word Afsendelse: suggestion, override asks for a reason, dispatch is recorded", async () => {
  const page = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc: decisionLetter });
  await page.locator("#recommendation").waitFor({ timeout: 20_000 });
  const ms = await page.evaluate(() => document.body.dataset.suggestionMs);
  console.log(`  pane load to suggestion: ${ms} ms`);
  const suggested = await page.locator("input[name=option]:checked").inputValue();
  await screenshot(page, "word-afsendelse");

  const other = suggested === "WithReply" ? "WithoutReply" : "WithReply";
  await page.locator(`input[name=option][value=${other}]`).check();
  await page.locator("#submit-choice").click();
  assert.equal(await page.locator("#override-reason").getAttribute("aria-invalid"), "true", "override without reason is refused");
  await page.locator("#override-reason").fill("Borgeren har bedt om at kunne svare digitalt.");
  await page.locator("#submit-choice").click();
  await page.locator("#send-status.success").waitFor({ timeout: 10_000 });
  await screenshot(page, "word-afsendelse-recorded");

  const dispatchId = await page.locator("#send-status").getAttribute("data-dispatch-id");
  assert.ok(dispatchId);
  const stored = await api(server.baseUrl, "cw-anna")<Record<string, unknown>>(`/api/v1/dispatches/${dispatchId}`);
  assert.equal(stored.status, 200);
  assert.equal(stored.body["chosenOption"], other);
  const props = await page.evaluate(() => (window as unknown as { __fakeOffice: { doc: { properties: Record<string, string> } } }).__fakeOffice.doc.properties);
  assert.equal(props["SmartPostSvarmulighed"], other === "WithReply" ? "Med" : "Uden");
});

async function ingestReply(documentId: string, text: string): Promise<string> {
  const created = await api(server.baseUrl, "cw-anna")<{ id: string }>("/api/v1/replies", {
    method: "POST",
    body: JSON.stringify({ documentId, caseNumber: "2026-000123", team: "team-a", receivedAt: new Date().toISOString(), subject: "Svar på afgørelse", text, sender: { idType: "CPR", id: "0101901234" } }),
  });
  assert.ok(created.status === 200 || created.status === 201, `ingest: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

test("Word Indkommet svar: claim, a second caseworker sees who holds it, then handled", async () => {
  const id = await ingestReply(`wz-${Date.now()}`, "Jeg vil gerne have aktindsigt i min sag. Jeg er uenig i afgørelsen og vil klage.");
  const doc = { title: "Svar på afgørelse", text: "Jeg vil gerne have aktindsigt i min sag.", properties: { SmartPostSvarId: id } };

  const anna = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc });
  await anna.locator("#claim").click();
  await anna.locator("#release").waitFor({ timeout: 10_000 });

  const bo = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc }, { user: "cw-bo", team: "team-a" });
  await bo.locator("#claim").click();
  await bo.locator("#reply-status.error").waitFor({ timeout: 10_000 });
  assert.match(await bo.locator("#reply-status").innerText(), /cw-anna har allerede taget sagen/);
  await screenshot(bo, "word-indkommet-conflict");

  await anna.locator("#handle").click();
  await anna.locator("#handled-state").waitFor({ timeout: 10_000 });
  await screenshot(anna, "word-indkommet-handled");
  const props = await anna.evaluate(() => (window as unknown as { __fakeOffice: { doc: { properties: Record<string, string> } } }).__fakeOffice.doc.properties);
  assert.equal(props["SmartPostBehandlet"], "true");
});

test("Dashboard lists the team's unhandled replies and filters by flag", async () => {
  await ingestReply(`wz-a-${Date.now()}`, "Jeg beder om aktindsigt i alle papirer.");
  await ingestReply(`wz-b-${Date.now()}`, "Jeg beder om udsættelse af fristen.");
  const page = await openPane(browser, `${server.baseUrl}/addin/dashboard.html`, null);
  await page.locator("#reply-list .reply").first().waitFor({ timeout: 10_000 });
  const all = await page.locator("#reply-list .reply").count();
  await page.locator("#flag-filter").selectOption("DeadlineExtensionRequest");
  await page.waitForFunction((n) => document.querySelectorAll("#reply-list .reply").length < n, all, { timeout: 10_000 });
  const tags = await page.locator("#reply-list .reply .tag").allInnerTexts();
  assert.ok(tags.length > 0 && tags.some((t) => t === "Fristforlængelse"));
  await screenshot(page, "dashboard");
});

test("Outlook read pane shows the flags of a mail and marks it SmartPost behandlet", async () => {
  const page = await openPane(browser, `${server.baseUrl}/addin/outlook-read.html`, {
    host: "Outlook", mailMode: "read",
    mail: { subject: "Klage", body: "Jeg vil klage over afgørelsen.", internetMessageId: "<ukendt@borger.dk>", categories: [] },
  });
  await page.locator("#mark-mail").click();
  await page.locator("#read-status.success").waitFor({ timeout: 10_000 });
  const categories = await page.evaluate(() => (window as unknown as { __fakeOffice: { mail: { categories: string[] } } }).__fakeOffice.mail.categories);
  assert.deepEqual(categories, ["SmartPost behandlet"]);
  await screenshot(page, "outlook-read");
});
