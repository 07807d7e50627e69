#!/usr/bin/env node
// Word "Afsendelse" pane: from pane load (navigation start; office.js included, served locally as in the e2e tests)
// to a shown suggestion, against the local API in Release. The pane itself records the figure in
// document.body.dataset.suggestionMs (AddinWeb/src/panes/afsendelse.ts, reportTiming). First pane after the API
// started (cold: JIT, first database use) and RUNS more panes (warm), each a new page, 320x900 like a task pane.
// Usage: node benchmarks/addin/pane-load.mjs     (RUNS=20)
// REOPEN=1: all panes in one browser profile, as when a caseworker reopens the pane on the same letter: from the
// second pane on, the suggestion remembered for that document and content is shown at once
// (document.body.dataset.cachedSuggestionMs) while the fresh one is computed (suggestionMs).
// Not part of the test run. Figures in BENCHMARKS.md.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadAverage, repo, startApi } from "../lib/api.mjs";
import { checkBrowserPrerequisites, launchBrowser, newPage } from "../lib/browser.mjs";

const runs = Number(process.env.RUNS ?? 20);
const letter = JSON.parse(readFileSync(join(repo, "benchmarks", "http", "payloads", "suggest.json"), "utf8"));
const fake = {
  host: "Word",
  doc: {
    title: letter.documentTitle,
    text: letter.text,
    properties: { WorkZoneDocumentId: "D2026-bench", Sagsnummer: "FS-2026-010001", SmartPostModtagerId: "0101901234", SmartPostModtagerNavn: "Jens Hansen" },
  },
};

async function paneLoad(browser, baseUrl) {
  const page = await newPage(profile ?? browser, { width: 320, height: 900, fake, identity: { user: "cw-bench", team: "team-helbred" } });
  let fromScript = null;
  page.on("console", (m) => { const hit = m.text().match(/\((\d+) ms after the pane script started\)/); if (hit) fromScript = Number(hit[1]); });
  await page.goto(`${baseUrl}/addin/word.html`);
  await page.locator("#recommendation").waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.body.dataset.suggestionMs);
  const ms = Number(await page.evaluate(() => document.body.dataset.suggestionMs));
  const cached = await page.evaluate(() => document.body.dataset.cachedSuggestionMs);
  await page.close();
  return { ms, fromScript, cached: cached === undefined ? null : Number(cached) };
}

let profile = null;
const pct = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
checkBrowserPrerequisites();
const server = await startApi();
try {
  const browser = await launchBrowser();
  if (process.env.REOPEN) profile = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  try {
    console.log(`load average: ${loadAverage()}; letter ${letter.text.length} characters`);
    const cold = await paneLoad(browser, server.baseUrl);
    console.log(`cold (first pane after API start): ${cold.ms} ms from navigation start (${cold.fromScript} ms after the pane script started)`);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await paneLoad(browser, server.baseUrl));
    const total = warm.map((w) => w.ms);
    const script = warm.map((w) => w.fromScript).filter((v) => v !== null);
    console.log(`warm, ${runs} panes: p50 ${pct(total, 50)} ms, p95 ${pct(total, 95)} ms, max ${Math.max(...total)} ms from navigation start`);
    if (script.length) console.log(`  after the pane script started: p50 ${pct(script, 50)} ms, p95 ${pct(script, 95)} ms`);
    const cached = warm.map((w) => w.cached).filter((v) => v !== null);
    if (cached.length) console.log(`  remembered suggestion shown (${cached.length} of ${runs} panes): p50 ${pct(cached, 50)} ms, p95 ${pct(cached, 95)} ms, max ${Math.max(...cached)} ms from navigation start`);
    console.log(`load average: ${loadAverage()}`);
  } finally {
    await browser.close();
  }
} finally {
  server.stop();
}
