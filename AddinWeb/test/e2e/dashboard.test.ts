import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { api, defaultIdentity, launchBrowser, openPane, screenshot, shown, startApi } from "./harness";
import { localIso } from "../../src/logic/urgency";

// The team dashboard ("Digital Post – Mit team") against the real API in Development (fresh SQLite, demo data).
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

const anna = (): ReturnType<typeof api> => api(server.baseUrl, "cw-anna");
const unique = (prefix: string): string => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const lead = { ...defaultIdentity, user: "cw-lise", roles: "SmartPost.TeamLead" };

async function ingestReply(reply: { documentId: string; text: string; subject?: string; caseNumber?: string; receivedAt?: string }): Promise<number> {
  const created = await anna()<{ id: number }>("/api/v1/replies", {
    method: "POST",
    body: JSON.stringify({ team: "team-helbred", caseNumber: "FS-2026-019999", subject: "Svar på afgørelse", receivedAt: new Date().toISOString(), sender: { idType: "CPR", id: "0101901234" }, ...reply }),
  });
  assert.equal(created.status, 201, `ingest: ${JSON.stringify(created.body)}`);
  return created.body.id;
}

async function openDashboard(width: number, identity = defaultIdentity): Promise<Page> {
  const page = await openPane(browser, `${server.baseUrl}/addin/dashboard.html`, null, identity);
  await page.setViewportSize({ width, height: 900 });
  await shown(page, "#reply-list tr.reply >> nth=0", "dashboard-list");
  return page;
}

/** ↓ from the first row until the reply is selected, as a caseworker would. */
async function selectWithKeyboard(page: Page, id: number): Promise<void> {
  const count = await page.locator("#reply-list tr.reply").count();
  await page.locator("#reply-list tr.reply").first().focus(); // the row with focus is the selected one
  for (let i = 0; i < count; i++) {
    if (await page.locator(`#reply-list tr.reply[aria-selected=true][data-id="${id}"]`).count() === 1) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`reply ${id} not reached with ↓`);
}

test("Dashboard: ↓ and Enter open a reply with its evidence marked; B marks it behandlet, it is in Behandlet, F undoes it", async () => {
  const text = "Hej\n\nJeg vil gerne have aktindsigt i min sag, herunder lægens udtalelse.\n\nMvh\nMette";
  const id = await ingestReply({ documentId: unique("D-mail"), subject: "Sv: Læs mig", text });
  const page = await openDashboard(1280);
  await selectWithKeyboard(page, id);
  await page.keyboard.press("Enter");

  await shown(page, "#reading-pane #reply-text mark.evidence >> nth=0", "dashboard-reading-pane");
  const marks = await page.locator("#reading-pane #reply-text mark.evidence").evaluateAll((all) => all.map((m) => [m.textContent, m.getAttribute("data-kind")]));
  assert.ok(marks.some(([word, kind]) => word === "aktindsigt" && kind === "AccessToRecordsRequest"), JSON.stringify(marks));
  assert.equal((await page.locator("#reading-pane #reply-text").innerText()).replace(/\s+/g, " ").trim(), text.replace(/\s+/g, " ").trim(), "the whole text, in order");
  // The reply panel above the text loads the reply's details, corrections and history on its own: wait for it.
  await page.locator("#reading-pane", { hasText: "Sv: Læs mig" }).waitFor({ timeout: 10_000 });
  assert.match(await page.locator("#reading-pane").innerText(), /Sv: Læs mig/);
  const row = page.locator(`#reply-list tr.reply[data-id="${id}"]`);
  const chip = row.locator(".chip[data-kind=AccessToRecordsRequest]");
  assert.equal(await chip.getAttribute("data-urgency"), "later", "aktindsigt received today is due in 7 working days");
  assert.match(await chip.innerText(), /^Aktindsigt · frist \d{1,2}\. [a-zæøå]+ \d{4}/);
  // A dense list shows "6. dec. 09.14"; the whole Danish date is the tooltip.
  assert.match(await row.locator(".col-received").innerText(), /^\d{1,2}\. [a-zæøå]+\.? \d{2}\.\d{2}$/);
  assert.match(await row.locator(".col-received").getAttribute("title") ?? "", /^\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}$/);
  assert.equal(await row.locator(".col-sender").innerText(), "010190-****", "the list masks the CPR number");
  const meta = page.locator("#reading-pane #reply-meta");
  assert.equal(await meta.locator("#sender-id").innerText(), "010190-****", "the reading pane masks it as the list does");
  assert.doesNotMatch(await page.locator("#reading-pane").innerText(), /0101901234|010190-1234/, "nowhere in the pane in full");
  await screenshot(page, "dashboard-reading-pane");
  await meta.locator("#toggle-cpr", { hasText: "Vis CPR-nummer" }).click();
  assert.equal(await meta.locator("#sender-id").innerText(), "010190-1234", "shown in full on request");
  await screenshot(page, "dashboard-cpr-shown");
  await meta.locator("#toggle-cpr", { hasText: "Skjul CPR-nummer" }).click();
  assert.equal(await meta.locator("#sender-id").innerText(), "010190-****");
  await meta.locator("#toggle-cpr").click(); // shown again, so the masked number below can only come from a fresh pane
  // Shown for that reply only: opening it again (or another one) starts masked.
  await row.click();
  await page.locator("#reading-pane #sender-id", { hasText: "010190-****" }).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator("#reading-pane #toggle-cpr").getAttribute("aria-pressed"), "false");

  // "Vis" beside the finding's evidence brings the mark into focus.
  const evidence = await page.locator("#reading-pane #flags q").first().innerText();
  await page.locator("#reading-pane #flags button.link").first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName + ":" + document.activeElement?.textContent), `MARK:${evidence}`);

  await row.focus();
  await page.keyboard.press("b");
  await row.waitFor({ state: "detached", timeout: 10_000 });
  await shown(page, "#reading-pane #handled-state", "dashboard-handled-state");
  assert.match(await page.locator("#reading-pane #handled-state").innerText(), /SmartPost behandlet af cw-anna \d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}/);
  // "Afventer synkronisering" resolves: without WorkZone the mark is kept by SmartPost itself.
  await shown(page, "#sync-status[data-state=Synced]", "dashboard-synced");
  assert.match(await page.locator("#sync-status").innerText(), /^Gemt i SmartPost \d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2} \(ingen WorkZone tilsluttet\)\.$/);
  await screenshot(page, "dashboard-marked-handled");

  await page.locator("#view-handled").click();
  const handledRow = page.locator(`#reply-list tr.reply[data-id="${id}"]`);
  await handledRow.waitFor({ timeout: 10_000 });
  assert.match(await handledRow.locator(".col-holder").innerText(), /✓ cw-anna/);
  await handledRow.click();
  await shown(page, "#reading-pane #unhandle", "dashboard-handled-expanded");
  await screenshot(page, "dashboard-handled-expanded");
  await page.keyboard.press("f");
  await handledRow.waitFor({ state: "detached", timeout: 10_000 });
  assert.equal((await anna()<{ handled: unknown }>(`/api/v1/replies/${id}`)).body.handled, null);
  await shown(page, "#reading-pane #handle", "dashboard-undone");
  await screenshot(page, "dashboard-undone");

  await page.locator("#view-inbox").click();
  await page.locator(`#reply-list tr.reply[data-id="${id}"]`).waitFor({ timeout: 10_000 });
});

test("Dashboard: columns sort on click, T claims from the keyboard and the holder shows in the list; the help lists the keys", async () => {
  const older = await ingestReply({ documentId: unique("D-old"), subject: "Sv: Ældst", text: "Tak.", receivedAt: new Date(Date.now() - 3 * 3600_000).toISOString() });
  const newer = await ingestReply({ documentId: unique("D-new"), subject: "Sv: Nyest", text: "Tak." });
  const page = await openDashboard(1280);
  await page.locator("th button[data-sort=received]").click();
  assert.equal(await page.locator("th.col-received").getAttribute("aria-sort"), "descending");
  assert.equal(await page.locator("#reply-list tr.reply").first().getAttribute("data-id"), String(newer), "newest first");
  await page.locator("th button[data-sort=received]").click();
  const order = await page.locator("#reply-list tr.reply").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")));
  assert.ok(order.indexOf(String(older)) < order.indexOf(String(newer)), "oldest first after a second click");

  await selectWithKeyboard(page, newer);
  await page.keyboard.press("t");
  await page.locator(`#reply-list tr.reply[data-id="${newer}"] .col-holder`, { hasText: "cw-anna" }).waitFor({ timeout: 10_000 });
  await shown(page, "#reading-pane #release", "dashboard-claimed");

  await page.keyboard.press("?");
  assert.equal(await page.locator("#shortcuts").getAttribute("open"), "");
  const help = await page.locator("#shortcuts").innerText();
  for (const line of [/↑\s*↓\s*Flyt markeringen/, /Enter\s*Åbn svaret/, /T\s*Tag sagen/, /B\s*Marker som SmartPost behandlet/, /F\s*Fortryd behandlet/, /S\s*Marker som screenet/]) {
    assert.match(help, line);
  }
  await screenshot(page, "dashboard-shortcuts");
});

test("Dashboard: a Possible finding reads \"Mulig aktindsigt – tjek\" and is dashed; an overdue one is red and says so", async () => {
  const possible = await ingestReply({ documentId: unique("D-possible"), subject: "Sv: Referat", text: "Jeg har brug for referatet af mødet." });
  const overdue = await ingestReply({ documentId: unique("D-overdue"), subject: "Sv: Gammel", text: "Jeg vil have aktindsigt.", receivedAt: new Date(Date.now() - 60 * 86_400_000).toISOString() });
  const page = await openDashboard(1280);
  const possibleChip = page.locator(`#reply-list tr.reply[data-id="${possible}"] .chip[data-kind=AccessToRecordsRequest]`);
  assert.match(await possibleChip.innerText(), /^Mulig aktindsigt – tjek/);
  assert.match(await possibleChip.getAttribute("class") ?? "", /\bpossible\b/);
  assert.equal(await possibleChip.evaluate((e) => getComputedStyle(e).borderTopStyle), "dashed");
  const overdueChip = page.locator(`#reply-list tr.reply[data-id="${overdue}"] .chip[data-kind=AccessToRecordsRequest]`);
  assert.equal(await overdueChip.getAttribute("data-urgency"), "overdue");
  assert.match(await overdueChip.innerText(), /fristen er overskredet/);
  assert.equal(await overdueChip.evaluate((e) => getComputedStyle(e).color), "rgb(197, 15, 31)");
  assert.equal(await page.locator("#reply-list tr.reply").first().getAttribute("data-id"), String(overdue), "the most urgent first");

  await page.locator(`#reply-list tr.reply[data-id="${possible}"]`).click();
  await shown(page, "#reading-pane #reply-text mark.evidence.possible >> nth=0", "dashboard-possible");
  await screenshot(page, "dashboard-possible-and-overdue");
});

test("Dashboard: at 320 px the list and the reading pane stack; at 1280 px they sit side by side", async () => {
  const id = await ingestReply({ documentId: unique("D-narrow"), subject: "Sv: Smal rude", text: "Jeg vil gerne have aktindsigt." });
  // The longest chip there is: a Possible finding that is overdue.
  await ingestReply({ documentId: unique("D-narrow-possible"), subject: "Sv: Referat", text: "Jeg har brug for referatet af mødet.", receivedAt: new Date(Date.now() - 60 * 86_400_000).toISOString() });
  const page = await openDashboard(1280);
  await page.locator(`#reply-list tr.reply[data-id="${id}"]`).click();
  await shown(page, "#reading-pane #reply-text mark", "dashboard-wide");
  const wide = { list: await page.locator(".list-column").boundingBox(), pane: await page.locator("#reading-pane").boundingBox() };
  assert.ok(wide.list && wide.pane && wide.pane.x >= wide.list.x + wide.list.width - 1, `side by side: ${JSON.stringify(wide)}`);

  await page.setViewportSize({ width: 320, height: 900 });
  const narrow = { list: await page.locator(".list-column").boundingBox(), pane: await page.locator("#reading-pane").boundingBox() };
  assert.ok(narrow.list && narrow.pane && narrow.pane.y >= narrow.list.y + narrow.list.height - 1, `stacked: ${JSON.stringify(narrow)}`);
  assert.ok(narrow.pane.width <= 320 && narrow.list.width <= 320, "nothing wider than the pane");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 320), true, "no sideways scrolling");
  await screenshot(page, "dashboard-320");
});

test("Dashboard: the screening list is since the last completed screening by default; S marks a reply screened", async () => {
  const longAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();
  const id = await ingestReply({ documentId: unique("D-unscreened"), subject: "Sv: Glemt i sidste uge", text: "Hermed papirerne.", receivedAt: longAgo });
  const page = await openDashboard(1280);
  await page.locator("#view-screening").click();
  assert.equal(await page.locator("#screening-scope").inputValue(), "pending");
  await page.locator("#screening-estimate", { hasText: "min" }).waitFor({ timeout: 10_000 });
  const row = page.locator(`#reply-list tr.reply[data-id="${id}"]`);
  assert.match(await row.getAttribute("class") ?? "", /unscreened/, "not screened yet: shown bold, like unread mail");
  await row.click();
  await shown(page, "#reading-pane #screen", "dashboard-screen-button");
  await row.focus();
  await page.keyboard.press("s");
  await page.waitForFunction((replyId) => document.querySelector(`#reply-list tr.reply[data-id="${replyId}"]`)?.classList.contains("unscreened") === false, id, { timeout: 10_000 });
  const detail = await anna()<{ screened: { by: string } | null }>(`/api/v1/replies/${id}`);
  assert.equal(detail.body.screened?.by, "cw-anna");

  await page.locator("#screening-scope").selectOption("period");
  const day = localIso(new Date(longAgo)); // the day in Denmark, as the filter reads it (not the UTC date: they differ after 23:00 UTC)
  await page.locator("#screening-from").fill(day);
  await page.locator("#screening-to").fill(day);
  await page.locator("#screening-to").dispatchEvent("change");
  await page.waitForFunction((replyId) => {
    const rows = document.querySelectorAll("#reply-list tr.reply");
    return rows.length >= 1 && Array.from(rows).every((r) => r.getAttribute("data-id") === String(replyId));
  }, id, { timeout: 10_000 });
  await screenshot(page, "dashboard-screening-period");
});

test("Dashboard: the team lead sees four small charts; a caseworker does not get the view", async () => {
  await ingestReply({ documentId: unique("D-stat"), subject: "Sv: Tal", text: "Jeg klager over afgørelsen." });
  const caseworker = await openDashboard(1280);
  await caseworker.waitForTimeout(500); // the statistics probe has answered 403 by now
  assert.equal(await caseworker.locator("#view-stats").isHidden(), true);

  const page = await openDashboard(1280, lead);
  await page.locator("#view-stats:not([hidden])").waitFor({ timeout: 10_000 });
  await page.locator("#view-stats").click();
  await shown(page, "#team-charts", "dashboard-statistics");
  assert.equal(await page.locator("#team-charts figure svg[role=img]").count(), 4);
  const captions = await page.locator("#team-charts figcaption").allInnerTexts();
  assert.deepEqual(captions, ["Svar pr. dag", "Fund efter type", "Frister", "Tid til SmartPost behandlet"]);
  assert.match(await page.locator("#team-charts figure").nth(1).locator("svg").getAttribute("aria-label") ?? "", /Klage: [1-9]/);
  // The corrections table below the charts: the screening's findings per kind, confirmed, rejected and added by hand.
  await page.locator("#correction-stats table").first().waitFor({ timeout: 10_000 });
  assert.match(await page.locator("#correction-stats").innerText(), /Klage/);
  await screenshot(page, "dashboard-statistics");
});

test("Dashboard: a shared list is created, run, edited and deleted from the page", async () => {
  await ingestReply({ documentId: unique("D-list"), subject: "Sv: Klage", text: "Jeg klager over afgørelsen." });
  const page = await openDashboard(1280);
  await page.locator("#view-lists").click();
  const name = unique("Klager");
  await page.locator("#list-editor summary").click();
  await page.locator("#list-name").fill(name);
  await page.locator("#list-terms").fill("klage, klager");
  await page.locator("#list-responsible").fill("cw-anna");
  await page.locator("#list-substitute").fill("cw-bo");
  await page.locator("#list-save").click();
  const item = page.locator("#searches li", { hasText: name });
  await item.waitFor({ timeout: 10_000 });
  assert.match(await item.innerText(), /cw-anna \/ cw-bo/);
  await item.locator("button", { hasText: "Vis" }).click();
  await page.locator("#totals", { hasText: name }).waitFor({ timeout: 10_000 });
  assert.ok(await page.locator("#reply-list tr.reply").count() >= 1);
  await screenshot(page, "dashboard-list-created");

  await item.locator("button[data-action=edit]").click();
  await page.locator("#list-substitute").fill("cw-dora");
  await page.locator("#list-save").click();
  await page.locator("#searches li", { hasText: "cw-dora" }).waitFor({ timeout: 10_000 });

  page.once("dialog", (dialog) => void dialog.accept());
  await page.locator("#searches li", { hasText: name }).locator("button[data-action=delete]").click();
  await page.locator("#searches li", { hasText: name }).waitFor({ state: "detached", timeout: 10_000 });
  const lists = await anna()<Array<{ name: string }>>("/api/v1/teams/team-helbred/searches");
  assert.ok(!lists.body.some((l) => l.name === name), "the list is gone in the API too");
});

test("Dashboard shows one page of 50 replies at a time; Next/Previous work from the keyboard and say where the rows are", async () => {
  for (let i = 0; i < 51; i++) await ingestReply({ documentId: unique("D-side"), subject: `Sv: Side ${i}`, text: "Tak for brevet." });
  const page = await openDashboard(1280);
  assert.equal(await page.locator("#reply-list tr.reply").count(), 50, "one page in the DOM");
  assert.equal(await page.locator("#page-prev").isDisabled(), true);
  const total = Number(await page.locator("#reply-list tr.reply").first().getAttribute("aria-setsize"));
  assert.ok(total > 50, `aria-setsize is the whole list (${total})`);
  assert.match(await page.locator("#page-info").innerText(), new RegExp(`^Side 1 af ${Math.ceil(total / 50)} · svar 1–50 af ${total}$`));

  await page.locator("#page-next").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#reply-list tr.reply")?.getAttribute("aria-posinset") === "51", null, { timeout: 10_000 });
  assert.match(await page.locator("#page-info").innerText(), /^Side 2 af/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-posinset")), "51", "focus moves to the first row of the new page");
  await page.locator("#page-prev").click();
  await page.waitForFunction(() => document.querySelector("#reply-list tr.reply")?.getAttribute("aria-posinset") === "1", null, { timeout: 10_000 });
  assert.equal(await page.locator("#page-prev").isDisabled(), true);
});

/** A colleague's change made through the API, as their own pane would send it (If-Match with the reply's ETag). */
async function changeAs(user: string, id: number, action: "claim" | "handled"): Promise<void> {
  const as = api(server.baseUrl, user);
  const reply = await as<{ eTag: string }>(`/api/v1/replies/${id}`);
  const changed = await as(`/api/v1/replies/${id}/${action}`, { method: "POST", headers: { "If-Match": reply.body.eTag } });
  assert.equal(changed.status, 200, `${user} ${action}: ${JSON.stringify(changed.body)}`);
}

test("Dashboard: only a team lead is offered \"Overtag sagen\"; it needs a reason, moves the claim and says so in the history", async () => {
  const id = await ingestReply({ documentId: unique("D-takeover"), subject: "Sv: Bo er syg", text: "Jeg vil gerne have aktindsigt." });
  await changeAs("cw-bo", id, "claim");

  const caseworker = await openDashboard(1280);
  await caseworker.locator(`#reply-list tr.reply[data-id="${id}"]`).click();
  await shown(caseworker, "#reading-pane #holder-only", "takeover-caseworker");
  assert.equal(await caseworker.locator("#reading-pane #claim").isDisabled(), true);
  assert.equal(await caseworker.locator("#reading-pane #handle").isDisabled(), true);
  assert.equal(await caseworker.locator("#reading-pane #takeover").count(), 0, "a caseworker is not offered the take-over");
  await caseworker.close();

  const page = await openDashboard(1280, lead);
  await page.locator(`#reply-list tr.reply[data-id="${id}"]`).click();
  await shown(page, "#reading-pane #takeover", "takeover-lead");
  await page.locator("#takeover summary").click();
  assert.match(await page.locator("#takeover-hint").innerText(), /^Som teamleder kan du overtage sagen fra cw-bo/);
  await page.locator("#takeover-submit").click();
  assert.equal(await page.locator("#takeover-message").innerText(), "Skriv hvorfor du overtager sagen.");
  assert.equal((await anna()<{ claim: { by: string } }>(`/api/v1/replies/${id}`)).body.claim.by, "cw-bo", "nothing sent without a reason");

  await page.locator("#takeover-reason").fill("Bo er syg, og borgeren venter.");
  await page.locator("#takeover-submit").click();
  await shown(page, "#reading-pane #release", "takeover-done");
  assert.equal(await page.locator("#reading-pane #reply-status").innerText(), "Du har overtaget sagen fra cw-bo.");
  assert.match(await page.locator("#reading-pane #history").innerText(),
    /Overtaget af cw-lise \d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2} fra cw-bo, der havde taget svaret \d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}\. Begrundelse: Bo er syg, og borgeren venter\./);
  await page.locator(`#reply-list tr.reply[data-id="${id}"] .col-holder`, { hasText: "cw-lise" }).waitFor({ timeout: 10_000 });
  assert.equal((await anna()<{ claim: { by: string } }>(`/api/v1/replies/${id}`)).body.claim.by, "cw-lise");
  await screenshot(page, "dashboard-takeover");
});

test("Dashboard at 1,280 px: the \"Hos\" column stays in view beside the longest chips and a long holder name", async () => {
  const holder = "anne-marie.christensen-soerensen@fstyr.dk";
  const id = await ingestReply({
    documentId: unique("D-chips"), subject: "Sv: Afgørelse om kørekort og helbredsattest efter lægeundersøgelse",
    text: "Jeg klager over afgørelsen. Jeg vil gerne have aktindsigt i sagen. Kan jeg få en uges udsættelse af fristen?",
    receivedAt: new Date(Date.now() - 60 * 86_400_000).toISOString(),
  });
  await changeAs(holder, id, "claim");
  // The longest chip there is, on another row: a Possible finding that is overdue.
  await ingestReply({ documentId: unique("D-chips-possible"), subject: "Sv: Referat", text: "Jeg har brug for referatet af mødet.", receivedAt: new Date(Date.now() - 60 * 86_400_000).toISOString() });
  const page = await openDashboard(1280);
  const row = page.locator(`#reply-list tr.reply[data-id="${id}"]`);
  assert.ok(await row.locator(".chip").count() >= 3, "several findings on the row");

  const layout = await page.evaluate(() => {
    const scroller = document.querySelector(".table-scroll")!;
    const box = scroller.getBoundingClientRect();
    const holders = Array.from(document.querySelectorAll("#reply-list td.col-holder")).map((td) => td.getBoundingClientRect().right);
    return { right: box.right, scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, holders };
  });
  assert.ok(layout.scrollWidth <= layout.clientWidth, `the list does not scroll sideways: ${layout.scrollWidth} > ${layout.clientWidth}`);
  const cut = layout.holders.filter((right) => right > layout.right + 1);
  assert.deepEqual(cut, [], `every "Hos" cell ends inside the list (right edge ${layout.right})`);
  const who = row.locator(".col-holder .who");
  assert.equal(await row.locator(".col-holder").getAttribute("title"), holder, "the whole name in the tooltip");
  assert.equal(await who.evaluate((e) => e.scrollWidth > e.clientWidth && getComputedStyle(e).textOverflow === "ellipsis"), true, "a long name is cut with …");
  await screenshot(page, "dashboard-1280-long-chips");
});

test("Dashboard Behandlet: the most recently handled first, whatever the due dates; the last column sorts by when", async () => {
  const plain = await ingestReply({ documentId: unique("D-h-plain"), subject: "Sv: Tak", text: "Tak for brevet." });
  const access = await ingestReply({ documentId: unique("D-h-access"), subject: "Sv: Aktindsigt", text: "Jeg vil gerne have aktindsigt." });
  const complaint = await ingestReply({ documentId: unique("D-h-complaint"), subject: "Sv: Klage", text: "Jeg klager over afgørelsen." });
  for (const id of [access, plain, complaint]) {
    await changeAs("cw-anna", id, "handled");
    await new Promise((r) => setTimeout(r, 20)); // three different moments
  }
  const page = await openDashboard(1280);
  await page.locator("#view-handled").click();
  await page.locator(`#reply-list tr.reply[data-id="${access}"]`).waitFor({ timeout: 10_000 });
  const order = async (): Promise<string[]> => (await page.locator("#reply-list tr.reply").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id") ?? "")))
    .filter((id) => [plain, access, complaint].map(String).includes(id));
  assert.deepEqual(await order(), [complaint, plain, access].map(String), "newest handled first");
  assert.equal(await page.locator("#reply-list tr.reply").first().getAttribute("data-id"), String(complaint), "the last one handled is at the top");
  assert.equal(await page.locator("th.col-holder button").innerText(), "Behandlet");
  assert.equal(await page.locator("th.col-holder").getAttribute("aria-sort"), "descending");
  assert.match(await page.locator(`#reply-list tr.reply[data-id="${complaint}"] .handled-at`).innerText(), /^\d{1,2}\. [a-zæøå]+\.? \d{2}\.\d{2}$/);
  await screenshot(page, "dashboard-behandlet-order");

  await page.locator("th.col-holder button").click();
  assert.deepEqual(await order(), [access, plain, complaint].map(String), "a click turns it around: oldest handled first");
  await page.locator("#view-inbox").click();
  await page.locator("#reply-list tr.reply >> nth=0").waitFor({ timeout: 10_000 });
  assert.equal(await page.locator("th.col-holder button").innerText(), "Hos");
});
