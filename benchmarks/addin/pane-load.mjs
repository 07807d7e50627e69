#!/usr/bin/env node
// Word "Afsendelse" pane: from pane load (navigation start; office.js included, served locally as in the e2e tests)
// to a shown suggestion, against the local API in Release. The pane itself records the figure in
// document.body.dataset.suggestionMs (AddinWeb/src/panes/afsendelse.ts, reportTiming). First pane after the API
// started (cold: JIT, first database use) and RUNS more panes (warm), each a new page, 320x900 like a task pane.
// Usage: node benchmarks/addin/pane-load.mjs     (RUNS=20)
// REOPEN=1: all panes in one browser profile, as when a caseworker reopens the pane on the same letter: from the
// second pane on, the suggestion remembered for that document and content is shown at once
// (document.body.dataset.cachedSuggestionMs) while the fresh one is computed (suggestionMs).
// BASELINE=<published API folder>: a second API (e.g. main's `dotnet publish` output) started next to this one; panes
// alternate baseline / this build, one each in turn, and both are reported (same run, same load).
// PUBLISHED=<folder>: use this already published folder instead of publishing this tree.
// The browser is chromium-headless-shell when installed (see benchmarks/lib/browser.mjs); CHROMIUM_PATH=/usr/bin/chromium
// measures with the full browser's headless mode as before the fourteenth session.
// Every build also gets a timeline: the median time from navigation start at which each stage of the page ended
// (Performance API resource timings, paints and the pane's own marks), i.e. what the suggestion waited for.
// Not part of the test run. Figures in BENCHMARKS.md.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadAverage, repo, startApi } from "../lib/api.mjs";
import { checkBrowserPrerequisites, chromiumPath, launchBrowser, newPage } from "../lib/browser.mjs";

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
  const stages = await page.evaluate(timeline);
  await page.close();
  return { ms, fromScript, cached: cached === undefined ? null : Number(cached), stages };
}

/** Runs in the page: when each stage ended, in ms from navigation start (null when the page did not have it). */
function timeline() {
  const resources = performance.getEntriesByType("resource");
  const last = (part) => resources.filter((r) => r.name.includes(part)).at(-1) ?? null;
  const end = (part) => { const r = last(part); return r ? r.responseEnd : null; };
  const start = (part) => { const r = last(part); return r ? r.startTime : null; };
  const mark = (name) => performance.getEntriesByName(name).at(0)?.startTime ?? null;
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    "HTML received": nav?.responseEnd ?? null,
    "office.js received": end("/office.js"),
    "office.js's next script requested": start("o15apptofilemappingtable.js") ?? start("-16.0"),
    "office.js's next script received": end("o15apptofilemappingtable.js") ?? end("-16.0"),
    "our modules received (word.js)": end("/js/word.js"),
    "config.json received": end("/config.json"),
    "first paint (skeleton)": performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    "DOMContentLoaded": nav?.domContentLoadedEventEnd ?? null,
    "Office.onReady": mark("smartpost:office-ready"),
    "letter read from Word": mark("smartpost:letter-read"),
    "suggest requested": start("/reply-options/suggest"),
    "suggest answered": end("/reply-options/suggest"),
    "suggestion shown": Number(document.body.dataset.suggestionMs),
  };
}

function printTimeline(label, panes) {
  console.log(`  ${label}: median ms from navigation start at which each stage ended`);
  for (const stage of Object.keys(panes[0].stages)) {
    const values = panes.map((p) => p.stages[stage]).filter((v) => v !== null && v !== undefined);
    if (values.length) console.log(`    ${stage.padEnd(36)} ${String(Math.round(pct(values, 50))).padStart(5)}`);
  }
}

let profile = null;
const pct = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
checkBrowserPrerequisites();
const builds = [];
if (process.env.BASELINE) builds.push({ label: `baseline (${process.env.BASELINE})`, server: await startApi(resolve(process.env.BASELINE)), warm: [] });
builds.push({ label: process.env.BASELINE ? "this build" : "warm", server: await startApi(process.env.PUBLISHED ? resolve(process.env.PUBLISHED) : null), warm: [] });
try {
  const browser = await launchBrowser();
  if (process.env.REOPEN) profile = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  try {
    console.log(`load average: ${loadAverage()}; letter ${letter.text.length} characters; browser ${chromiumPath}`);
    for (const build of builds) {
      const cold = await paneLoad(browser, build.server.baseUrl);
      console.log(`${build.label}: cold (first pane after API start): ${cold.ms} ms from navigation start (${cold.fromScript} ms after the pane script started)`);
    }
    for (let i = 0; i < runs; i++) for (const build of builds) build.warm.push(await paneLoad(browser, build.server.baseUrl));
    for (const { label, warm } of builds) {
      const total = warm.map((w) => w.ms);
      const script = warm.map((w) => w.fromScript).filter((v) => v !== null);
      console.log(`${label}, ${runs} warm panes: p50 ${pct(total, 50)} ms, p95 ${pct(total, 95)} ms, max ${Math.max(...total)} ms from navigation start`);
      if (script.length) console.log(`  after the pane script started: p50 ${pct(script, 50)} ms, p95 ${pct(script, 95)} ms`);
      const cached = warm.map((w) => w.cached).filter((v) => v !== null);
      if (cached.length) console.log(`  remembered suggestion shown (${cached.length} of ${runs} panes): p50 ${pct(cached, 50)} ms, p95 ${pct(cached, 95)} ms, max ${Math.max(...cached)} ms from navigation start`);
      printTimeline(label, warm);
    }
    console.log(`load average: ${loadAverage()}`);
  } finally {
    await browser.close();
  }
} finally {
  for (const build of builds) build.server.stop();
}
