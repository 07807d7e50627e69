import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { api, launchBrowser, openPane, screenshot, shown, startApi } from "./harness";

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

type FakeOffice = {
  doc: { text: string; properties: Record<string, string> }; mail: { categories: string[] }; selections: string[];
  highlights: Array<{ needle: string; color: string }>;
};
const fakeOffice = (page: Page): Promise<FakeOffice> => page.evaluate(() => (window as unknown as { __fakeOffice: FakeOffice }).__fakeOffice);
const anna = (): ReturnType<typeof api> => api(server.baseUrl, "cw-anna");
const unique = (prefix: string): string => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test("Word Afsendelse: suggestion, override asks for a reason, dispatch is recorded", async () => {
  const documentId = unique("D2026");
  const letter = {
    title: "Afgørelse om betinget frakendelse af førerretten",
    text: "Afgørelse\nDu frakendes førerretten betinget. Vi har truffet afgørelse i din sag.\nKlagevejledning: Du kan klage til Færdselsstyrelsen inden 4 uger.",
    properties: { WorkZoneDocumentId: documentId, Sagsnummer: "FS-2026-010001", SmartPostModtagerId: "0101901234", SmartPostModtagerNavn: "Jens Hansen" },
  };
  const page = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc: letter });
  await shown(page, "#recommendation", "word-afsendelse");
  console.log(`  pane load to shown suggestion: ${await page.evaluate(() => document.body.dataset.suggestionMs)} ms`);
  assert.ok((await page.locator("#guideline-line").innerText()).length > 0, "the guideline line is shown");
  assert.ok((await page.locator("#material").innerText()).length > 0, "the SmartPost material is shown");
  const suggested = await page.locator("input[name=option]:checked").inputValue();
  await screenshot(page, "word-afsendelse");

  const evidence = page.locator(".evidence button").first();
  if (await evidence.count()) {
    await evidence.click();
    await page.waitForFunction(() => (window as unknown as { __fakeOffice: FakeOffice }).__fakeOffice.selections.length > 0);
  }

  const other = suggested === "WithReply" ? "WithoutReply" : "WithReply";
  await page.locator(`input[name=option][value=${other}]`).check();
  assert.equal(await page.locator("#override-row").isVisible(), true, "an override shows the reason field");
  await page.locator("#submit-choice").click();
  assert.equal(await page.locator("#override-reason").getAttribute("aria-invalid"), "true", "override without reason is refused");
  await page.locator("#override-reason").fill("Borgeren har bedt om at kunne svare digitalt.");
  await page.locator("#submit-choice").click();
  await page.locator("#send-status.success").waitFor({ timeout: 10_000 });
  await screenshot(page, "word-afsendelse-recorded");

  const dispatchId = await page.locator("#send-status").getAttribute("data-dispatch-id");
  const stored = await anna()<Record<string, unknown>>(`/api/v1/dispatches/${dispatchId}`);
  assert.equal(stored.status, 200);
  assert.equal(stored.body["chosenOption"], other);
  assert.equal(stored.body["suggestedOption"], suggested);
  assert.equal(stored.body["overrideReason"], "Borgeren har bedt om at kunne svare digitalt.");
  assert.equal(stored.body["team"], "team-helbred");
  const history = await anna()<Array<{ dispatchId: string }>>(`/api/v1/documents/${documentId}/dispatches`);
  assert.deepEqual(history.body.map((d) => d.dispatchId), [dispatchId]);
  assert.equal((await fakeOffice(page)).doc.properties["SmartPostSvarmulighed"], other === "WithReply" ? "Med" : "Uden");

  // The first pane paid for the API's cold start; a caseworker's next letter is what a warm API gives.
  const warm = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc: letter });
  await shown(warm, "#recommendation", "word-afsendelse-warm");
  console.log(`  pane load to shown suggestion (warm API): ${await warm.evaluate(() => document.body.dataset.suggestionMs)} ms`);
});

test("Word Afsendelse: a decision without klagevejledning gets one with one click and the check disappears", async () => {
  const letter = {
    title: "Brev til borger",
    text: "Kære Oksana Melnyk\n\nDu har søgt om at få ombyttet dit ukrainske kørekort. Vi kan ikke imødekomme din ansøgning, "
      + "fordi kørekortet er udstedt, efter at du tog bopæl i Danmark.\n\nMed venlig hilsen\nFærdselsstyrelsen",
    properties: { WorkZoneDocumentId: unique("D2026") },
  };
  const page = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc: letter });
  await shown(page, ".check[data-code=MissingComplaintGuidance]", "word-missing-klagevejledning");
  await page.locator("#insert-complaint-guidance").click();
  await page.locator(".check[data-code=MissingComplaintGuidance]").waitFor({ state: "detached", timeout: 15_000 });
  const text = (await fakeOffice(page)).doc.text;
  assert.match(text, /\nKlagevejledning\nDu kan klage over afgørelsen til Trafikstyrelsen/, "the team's standard text is at the end");
  assert.equal(await page.locator("#category").getAttribute("data-code"), "Decision");
  await screenshot(page, "word-klagevejledning-inserted");
});

test("Word Afsendelse: a question sent uden svarmulighed is switched to med svarmulighed with one click", async () => {
  const letter = {
    title: "Din ansøgning",
    text: "Kære Ole Brandt\n\nDit kørekort til kategori C udløber den 1. juni 2026.\n\nØnsker du at bevare kategori C, eller skal vi slette den?"
      + "\n\nMed venlig hilsen\nFærdselsstyrelsen",
    properties: { WorkZoneDocumentId: unique("D2026"), SmartPostSvarmulighed: "Uden" },
  };
  const page = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc: letter });
  await shown(page, ".check[data-code=QuestionWithoutReplyOption]", "word-question-without-reply");
  await page.locator("#switch-to-with-reply").click();
  await page.locator(".check[data-code=QuestionWithoutReplyOption]").waitFor({ state: "detached", timeout: 15_000 });
  assert.equal((await fakeOffice(page)).doc.properties["SmartPostSvarmulighed"], "Med");
});

test("Word Afsendelse: the klagevejledning in a withdrawal is highlighted in the document", async () => {
  const letter = {
    title: "Inddragelse af førerret",
    text: "Kære Sune Bak\n\nDu har ikke bestået den kontrollerende køreprøve. Din førerret er derfor inddraget fra den 12. marts 2026.\n\n"
      + "Klagevejledning\nDu kan klage over inddragelsen til Trafikstyrelsen inden 4 uger.\n\nMed venlig hilsen\nFærdselsstyrelsen",
    properties: { WorkZoneDocumentId: unique("D2026") },
  };
  const page = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc: letter });
  await shown(page, ".check[data-code=ComplaintGuidanceInWithdrawal]", "word-klagevejledning-in-withdrawal");
  await page.locator("#highlight-complaint-guidance").click();
  await page.waitForFunction(() => (window as unknown as { __fakeOffice: FakeOffice }).__fakeOffice.highlights.length > 0);
  const highlighted = (await fakeOffice(page)).highlights.map((h) => h.needle);
  assert.ok(highlighted.includes("Du kan klage over inddragelsen til Trafikstyrelsen inden 4 uger."), highlighted.join(" | "));
});

async function ingestReply(reply: { documentId: string; text: string; subject?: string; caseNumber?: string; receivedAt?: string }): Promise<number> {
  const created = await anna()<{ id: number }>("/api/v1/replies", {
    method: "POST",
    body: JSON.stringify({ team: "team-helbred", caseNumber: "FS-2026-019999", subject: "Svar på afgørelse", receivedAt: new Date().toISOString(), sender: { idType: "CPR", id: "0101901234" }, ...reply }),
  });
  assert.equal(created.status, 201, `ingest: ${JSON.stringify(created.body)}`);
  return created.body.id;
}

test("Word Indkommet svar: claim, a second caseworker gets a Danish 409 message, then handled", async () => {
  const documentId = unique("D2026-svar");
  const id = await ingestReply({ documentId, caseNumber: "FS-2026-017777", subject: "Sv: Afgørelse", text: "Jeg vil gerne have aktindsigt i min sag. Jeg vil klage over afgørelsen." });
  // Anna's document is found by its WorkZone document id; Bo's carries the SmartPost reply id.
  const annaDoc = { title: "Sv: Afgørelse", text: "Jeg vil gerne have aktindsigt i min sag.", properties: { WorkZoneDocumentId: documentId, Sagsnummer: "FS-2026-017777", Dokumenttype: "Indgående" } };
  const boDoc = { title: "Sv: Afgørelse", text: "Jeg vil gerne have aktindsigt i min sag.", properties: { SmartPostSvarId: String(id) } };

  const annaPane = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc: annaDoc });
  await annaPane.locator("#claim").click();
  await annaPane.locator("#release").waitFor({ timeout: 10_000 });
  assert.match(await annaPane.locator("#flags").innerText(), /Aktindsigt/);
  await screenshot(annaPane, "word-indkommet-claimed");

  // Bo sees who holds it, and may neither take it nor mark it handled.
  const boPane = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc: boDoc }, { user: "cw-bo", team: "team-helbred" });
  await boPane.locator("#claim-state.warning").waitFor({ timeout: 10_000 });
  assert.match(await boPane.locator("#claim-state").innerText(), /cw-anna/);
  assert.match(await boPane.locator("#holder-only").innerText(), /Kun cw-anna/);
  assert.equal(await boPane.locator("#claim").isDisabled(), true, "the non-holder cannot claim");
  assert.equal(await boPane.locator("#handle").isDisabled(), true, "the non-holder cannot mark handled");
  assert.equal(await boPane.locator("#takeover").count(), 0, "only a team lead is offered the take-over");
  await screenshot(boPane, "word-indkommet-non-holder");
  // Even a direct call is refused: the API, not the button, decides.
  const etag = (await fetch(`${server.baseUrl}/api/v1/replies/${id}`, { headers: { "X-Dev-User": "cw-bo", "X-Dev-Teams": "team-helbred" } })).headers.get("ETag") ?? "";
  const refused = await api(server.baseUrl, "cw-bo")<{ holder: string }>(`/api/v1/replies/${id}/handled`, { method: "POST", headers: { "If-Match": etag } });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.holder, "cw-anna");

  await annaPane.locator("#handle").click();
  await annaPane.locator("#handled-state").waitFor({ timeout: 10_000 });
  await screenshot(annaPane, "word-indkommet-handled");
  assert.equal((await fakeOffice(annaPane)).doc.properties["SmartPostBehandlet"], "true");
  const detail = await anna()<{ handled: { by: string } | null }>(`/api/v1/replies/${id}`);
  assert.equal(detail.body.handled?.by, "cw-anna");
});

test("Word Indkommet svar: the team lead takes over a colleague's claim with a reason", async () => {
  const id = await ingestReply({ documentId: unique("D2026-overtag"), caseNumber: "FS-2026-017778", subject: "Sv: Afgørelse", text: "Jeg klager over afgørelsen." });
  const as = api(server.baseUrl, "cw-anna");
  const etag = (await as<{ eTag: string }>(`/api/v1/replies/${id}`)).body.eTag;
  assert.equal((await as(`/api/v1/replies/${id}/claim`, { method: "POST", headers: { "If-Match": etag } })).status, 200);

  const doc = { title: "Sv: Afgørelse", text: "Jeg klager over afgørelsen.", properties: { SmartPostSvarId: String(id) } };
  const lise = { user: "cw-lise", team: "team-helbred", roles: "SmartPost.TeamLead" };
  const lead = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc }, lise);
  await shown(lead, "#takeover", "word-takeover");
  await lead.locator("#takeover summary").click();
  await lead.locator("#takeover-reason").fill("Anna er på kursus.");
  await lead.locator("#takeover-submit").click();
  await shown(lead, "#release", "word-takeover-done");
  assert.match(await lead.locator("#history").innerText(), /Overtaget af cw-lise .* fra cw-anna, der havde taget svaret .*Begrundelse: Anna er på kursus\./);
  await screenshot(lead, "word-indkommet-takeover");
  assert.equal((await anna()<{ claim: { by: string } }>(`/api/v1/replies/${id}`)).body.claim.by, "cw-lise");
});

test("Outlook read: a registered reply mail is claimed, marked handled and gets the category", async () => {
  const messageId = `<${unique("svar")}@borger.dk>`;
  const id = await ingestReply({ documentId: messageId, subject: "Klage over afgørelse", text: "Jeg vil klage over afgørelsen." });
  const page = await openPane(browser, `${server.baseUrl}/addin/outlook-read.html`, {
    host: "Outlook", mailMode: "read",
    mail: { subject: "Klage over afgørelse", body: "Jeg vil klage over afgørelsen.", internetMessageId: messageId, categories: [] },
  });
  await page.locator("#claim").click();
  await page.locator("#release").waitFor({ timeout: 10_000 });
  await page.locator("#handle").click();
  await page.locator("#handled-state").waitFor({ timeout: 10_000 });
  assert.deepEqual((await fakeOffice(page)).mail.categories, ["SmartPost behandlet"]);
  assert.equal((await anna()<{ handled: { by: string } | null }>(`/api/v1/replies/${id}`)).body.handled?.by, "cw-anna");
  await screenshot(page, "outlook-read");
});

test("Outlook read: an unregistered mail can still be marked with the category", async () => {
  const page = await openPane(browser, `${server.baseUrl}/addin/outlook-read.html`, {
    host: "Outlook", mailMode: "read",
    mail: { subject: "Spørgsmål", body: "Hvornår får jeg mit kørekort?", internetMessageId: "<ukendt@borger.dk>", categories: [] },
  });
  await page.locator("#mark-mail").click();
  await page.locator("#read-status.success").waitFor({ timeout: 10_000 });
  assert.deepEqual((await fakeOffice(page)).mail.categories, ["SmartPost behandlet"]);
  await screenshot(page, "outlook-read-unregistered");
});

test("Outlook compose: the suggestion for the mail and the choice stored on the item", async () => {
  const page = await openPane(browser, `${server.baseUrl}/addin/outlook-compose.html`, {
    host: "Outlook", mailMode: "compose",
    mail: { subject: "Anmodning om lægeerklæring", body: "Vi beder dig sende en lægeerklæring senest den 1. juni. Du kan svare på dette brev.", to: ["borger@example.dk"] },
  });
  await page.locator("#recommendation").waitFor({ timeout: 20_000 });
  const suggested = await page.locator("input[name=option]:checked").inputValue();
  await page.locator("#submit-choice").click();
  await page.locator("#compose-status.success").waitFor({ timeout: 10_000 });
  const props = await page.evaluate(() => (window as unknown as { __fakeOffice: { mail: { props: Record<string, string> } } }).__fakeOffice.mail.props);
  assert.equal(props["SmartPostSvarmulighed"], suggested === "WithReply" ? "Med" : suggested === "WithoutReply" ? "Uden" : "Fysisk");
  await screenshot(page, "outlook-compose");
});

test("Word Afsendelse: a double click on Send records one dispatch, a later click says it was already sent", async () => {
  const documentId = unique("D2026-dobbelt");
  const letter = {
    title: "Anmodning om lægeerklæring",
    text: "Vi beder dig sende en lægeerklæring. Du kan svare på dette brev med svarmulighed senest den 1. juni.",
    properties: { WorkZoneDocumentId: documentId, Sagsnummer: "FS-2026-010002", SmartPostModtagerId: "0101901234", SmartPostModtagerNavn: "Jens Hansen" },
  };
  const page = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc: letter });
  await shown(page, "#recommendation", "word-double-click");
  await page.locator("#submit-choice").dblclick();
  await page.locator("#send-status.success").waitFor({ timeout: 10_000 });
  await screenshot(page, "word-double-click-sent");

  await page.locator("#submit-choice").click();
  await page.locator("#send-status.warning").waitFor({ timeout: 10_000 });
  assert.match(await page.locator("#send-status").innerText(), /^Allerede sendt \d+\. \p{L}+ \d{4} kl\. \d{2}\.\d{2} af cw-anna/u);
  await screenshot(page, "word-send-again-notice");
  const history = await anna()<Array<{ dispatchId: string }>>(`/api/v1/documents/${documentId}/dispatches`);
  assert.equal(history.body.length, 1, "one dispatch for one letter version");
});

test("Outside Office: the Word pane says so in Danish and offers a preview (suggestion, claim and handled)", async () => {
  const id = await ingestReply({ documentId: unique("D-preview"), subject: "Sv: Forhåndsvisning", text: "Jeg vil gerne have aktindsigt." });
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  page.on("console", (m) => { if (m.text().startsWith("smartpost:")) console.log(`  [pane] ${m.text()}`); });
  // A plain browser without internet: the CDN is unreachable, the API's Development copy of office.js is used.
  await page.route((url) => !/^http:\/\/127\.0\.0\.1:/.test(url.toString()), (route) => route.abort());
  const started = Date.now();
  await page.goto(`${server.baseUrl}/addin/word.html`);
  await page.locator("#outside-office").waitFor({ timeout: 10_000 });
  console.log(`  outside Office: message shown ${Date.now() - started} ms after navigation`);
  assert.match(await page.locator("#outside-office").innerText(), /kører inde i Word og Outlook/);
  await screenshot(page, "outside-office");

  await page.locator("#preview-letter").fill("Vi har truffet afgørelse om at frakende dig førerretten betinget. Klagevejledning: Du kan klage inden 4 uger.");
  await page.locator("#preview-suggest").click();
  await shown(page, "#recommendation", "outside-office-suggestion");

  await page.locator(`#preview-reply option[value="${id}"]`).waitFor({ state: "attached", timeout: 10_000 });
  await page.locator("#preview-reply").selectOption(String(id));
  await page.locator("#claim").click();
  await page.locator("#release").waitFor({ timeout: 10_000 });
  await page.locator("#handle").click();
  await page.locator("#handled-state").waitFor({ timeout: 10_000 });
  await screenshot(page, "outside-office-handled");
  assert.equal((await anna()<{ handled: { by: string } | null }>(`/api/v1/replies/${id}`)).body.handled?.by, "cw-anna");
});

test("Pane preview: \"Ikke aktindsigt\" marks the finding rejected, drops its due date and shows in the history", async () => {
  // A team of its own, so the reply is on the preview's first page whatever the other tests left in team-helbred.
  const identity = { user: "cw-anna", team: "team-rettelser" };
  const created = await api(server.baseUrl, identity.user, identity.team)<{ id: number; dueDate: string | null }>("/api/v1/replies", {
    method: "POST",
    body: JSON.stringify({ documentId: unique("D-rettelse"), team: identity.team, subject: "Sv: Rettelse", text: "Jeg vil gerne have aktindsigt i min sag." }),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.ok(created.body.dueDate, "the finding starts a due date");
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  await page.route((url) => !/^http:\/\/127\.0\.0\.1:/.test(url.toString()), (route) => route.abort());
  await page.addInitScript((id) => localStorage.setItem("smartpost.devIdentity", JSON.stringify(id)), identity);
  await page.goto(`${server.baseUrl}/addin/word.html`);
  await page.locator(`#preview-reply option[value="${created.body.id}"]`).waitFor({ state: "attached", timeout: 15_000 });
  await page.locator("#preview-reply").selectOption(String(created.body.id));

  const finding = page.locator("#flags li.flag[data-kind=AccessToRecordsRequest]");
  await shown(page, "#flags li.flag[data-kind=AccessToRecordsRequest] button[data-verdict=Rejected]", "correction-buttons");
  assert.equal(await finding.locator("button[data-verdict=Rejected]").innerText(), "Ikke aktindsigt");
  await finding.locator("button[data-verdict=Rejected]").click();

  await shown(page, "#flags li.flag.rejected[data-verdict=Rejected]", "correction-rejected");
  assert.match(await finding.locator(".correction").innerText(), /^Afvist af cw-anna \d+\. \w+ \d{4} kl\. \d{2}\.\d{2}$/);
  assert.match(await page.locator("#history").innerText(), /Rettet af cw-anna .*: ikke aktindsigt\./);
  assert.equal(await finding.locator("button[data-verdict=Confirmed]").innerText(), "Bekræft", "a rejection can be undone");
  await screenshot(page, "pane-correction-rejected");
  const detail = await api(server.baseUrl, identity.user, identity.team)<{ dueDate: string | null; flags: Array<{ correction: { verdict: string } | null }> }>(`/api/v1/replies/${created.body.id}`);
  assert.equal(detail.body.flags[0]?.correction?.verdict, "Rejected");
  assert.equal(detail.body.dueDate, null, "a rejected finding no longer sets the reply's due date");
});

test("Word Afsendelse: a blank document gets a Danish hint, no error", async () => {
  const page = await openPane(browser, `${server.baseUrl}/addin/word.html`, { host: "Word", doc: { title: "", text: "", properties: {} } });
  await page.locator("#send-status.info").waitFor({ timeout: 20_000 });
  assert.match(await page.locator("#send-status").innerText(), /Dokumentet er tomt/);
  await screenshot(page, "word-blank-document");
});

