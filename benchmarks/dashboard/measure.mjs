#!/usr/bin/env node
// Team dashboard with 5,000 unhandled replies (issue 4: "renders and scrolls smoothly (virtualised or paged)").
// Starts the API (Release, Development, temporary SQLite file, demo data), ingests REPLIES replies into team-helbred
// through POST /api/v1/replies (parallel), opens /addin/dashboard.html in headless Chromium and measures:
//   - time from navigation start to the first rendered reply row (LOADS page loads), and the rows/DOM nodes then;
//   - scrolling each page to the bottom and going to the next one ("Næste", one page in the DOM at a time) until the
//     last page: requestAnimationFrame frame times (p50/p95/p99/max), long tasks (PerformanceObserver 'longtask'),
//     time per page change, rows and elements in the DOM (largest seen and at the end).
// Usage: node benchmarks/dashboard/measure.mjs            (REPLIES=5000 VIEWPORTS=320x900,1280x900 SCROLL_PX=300 LOADS=5)
// Needs: AddinWeb/node_modules (built by `dotnet build Api` or `npm ci` in AddinWeb), Chromium at /usr/bin/chromium.
// Not part of the test run. Figures in BENCHMARKS.md.
import { fail, loadAverage, startApi } from "../lib/api.mjs";
import { checkBrowserPrerequisites, launchBrowser, newPage } from "../lib/browser.mjs";

const replyCount = Number(process.env.REPLIES ?? 5000);
const viewports = (process.env.VIEWPORTS ?? "320x900,1280x900").split(",").map((v) => v.split("x").map(Number));
const scrollPx = Number(process.env.SCROLL_PX ?? 300);
const team = "team-helbred";
const headers = { "Content-Type": "application/json", "X-Dev-User": "cw-bench", "X-Dev-Teams": team };

const texts = [
  "Jeg vil gerne have aktindsigt i alle dokumenter i min sag.",
  "Jeg er uenig i afgørelsen og vil klage over den.",
  "Kan jeg få fristforlængelse? Min læge har først tid om tre uger.",
  "Tak for brevet. Jeg sender lægeerklæringen, så snart jeg har den.",
];

/** Ingests the replies with a fixed number of requests in flight; received over the last 40 days (varied due dates). */
async function ingest(baseUrl) {
  const run = Date.now();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < replyCount) {
      const i = next++;
      const body = {
        documentId: `dash-${run}-${i}`, team, caseNumber: `FS-2026-${String(20000 + i).padStart(6, "0")}`,
        receivedAt: new Date(Date.now() - (i % 40) * 86_400_000 - i * 1000).toISOString(),
        subject: `Sv: Sag ${i}`, text: texts[i % texts.length], sender: { idType: "CPR", id: "0101901234" },
      };
      const response = await fetch(`${baseUrl}/api/v1/replies`, { method: "POST", headers, body: JSON.stringify(body) });
      if (response.status !== 201) fail(`ingest answered ${response.status}: ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const seconds = (performance.now() - started) / 1000;
  const inbox = await (await fetch(`${baseUrl}/api/v1/teams/${team}/replies?status=unhandled&limit=1`, { headers })).json();
  return { seconds, perSecond: replyCount / seconds, unhandled: inbox.totals.all };
}

async function openDashboard(browser, baseUrl, [width, height]) {
  const page = await newPage(browser, { width, height, identity: { user: "cw-bench", team } });
  await page.addInitScript(() => {
    const w = window;
    w.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: "longtask", buffered: true });
    // First reply row in the DOM, in ms since navigation start.
    new MutationObserver((_, observer) => {
      if (document.querySelector("#reply-list .reply")) { w.__firstRowMs = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${baseUrl}/addin/dashboard.html`);
  await page.locator("#reply-list .reply").first().waitFor({ timeout: 30_000 });
  return page;
}

/** In the page: scroll down SCROLL_PX per frame; at the bottom click "Næste" and wait for the next page's rows. */
function scrollEverything(step) {
  return new Promise((resolve) => {
    const frames = [];
    const pageLoads = [];
    const rows = () => document.querySelectorAll("#reply-list .reply").length;
    const firstRow = () => document.querySelector("#reply-list .reply")?.getAttribute("data-id");
    const more = document.getElementById("page-next");
    const started = performance.now();
    let last = started;
    let waiting = null;
    let page = 1;
    let maxElements = 0;
    const tick = (now) => {
      frames.push({ at: now, ms: now - last, rows: rows(), page });
      last = now;
      if (frames.length % 20 === 0) maxElements = Math.max(maxElements, document.getElementsByTagName("*").length);
      if (waiting) {
        if (firstRow() !== waiting.first) { pageLoads.push(now - waiting.since); waiting = null; page++; }
      } else {
        const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
        if (bottom && more && !more.disabled) {
          waiting = { first: firstRow(), since: now };
          more.click();
        } else if (bottom || now - started > 170_000) {
          resolve({ frames, pageLoads, seconds: (now - started) / 1000, started, pages: page, maxElements });
          return;
        } else window.scrollBy(0, step);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const pct = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (v) => `${v.toFixed(1)} ms`;
const frameStats = (list) => {
  const f = list.map((x) => x.ms);
  return `${f.length} frames, p50 ${ms(pct(f, 50))}, p95 ${ms(pct(f, 95))}, p99 ${ms(pct(f, 99))}, max ${ms(Math.max(...f))}, >50 ms: ${f.filter((x) => x > 50).length}`;
};

const loads = Number(process.env.LOADS ?? 5);

async function measure(browser, baseUrl, viewport) {
  // Time to the first rendered list over LOADS fresh page loads (the last one is then scrolled).
  const firstRows = [];
  let page;
  for (let i = 0; i < loads; i++) {
    if (page) await page.close();
    page = await openDashboard(browser, baseUrl, viewport);
    firstRows.push(await page.evaluate(() => window.__firstRowMs));
  }
  const first = await page.evaluate(() => ({
    firstRowMs: window.__firstRowMs,
    rows: document.querySelectorAll("#reply-list .reply").length,
    domNodes: document.getElementsByTagName("*").length,
    totals: document.getElementById("totals")?.textContent,
  }));
  await page.waitForTimeout(500);
  const scroll = await page.evaluate(scrollEverything, scrollPx);
  const after = await page.evaluate((since) => ({
    rows: document.querySelectorAll("#reply-list .reply").length,
    domNodes: document.getElementsByTagName("*").length,
    heapMb: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null,
    longTasks: window.__longTasks.filter((t) => t.start >= since),
    loadLongTasks: window.__longTasks.filter((t) => t.start < since),
  }), scroll.started);
  await page.close();
  const early = scroll.frames.filter((f) => f.page <= 10);
  const late = scroll.frames.filter((f) => f.page > scroll.pages - 10);
  const lt = after.longTasks.map((t) => t.duration);
  console.log(`\n--- viewport ${viewport.join("x")}`);
  console.log(`first rendered list (navigation start → first row), ${loads} loads: ${firstRows.map((v) => v.toFixed(0)).join(", ")} ms; median ${ms(pct(firstRows, 50))}`);
  console.log(`  then: ${first.rows} rows, ${first.domNodes} DOM elements; ${first.totals}`);
  console.log(`long tasks during load: ${after.loadLongTasks.length} (max ${ms(Math.max(0, ...after.loadLongTasks.map((t) => t.duration)))})`);
  console.log(`scroll through every page (${scrollPx} px/frame, "Næste" at the bottom): ${scroll.seconds.toFixed(1)} s, ${scroll.pageLoads.length} more pages (${scroll.pages} in all)`);
  console.log(`  all frames:            ${frameStats(scroll.frames)}`);
  console.log(`  pages 1–10:            ${frameStats(early)}`);
  console.log(`  last 10 pages:         ${frameStats(late)}`);
  console.log(`  largest DOM seen: ${scroll.maxElements} elements`);
  console.log(`  page change (click → rows): p50 ${ms(pct(scroll.pageLoads, 50))}, p95 ${ms(pct(scroll.pageLoads, 95))}, max ${ms(Math.max(...scroll.pageLoads))}`);
  console.log(`  long tasks while scrolling: ${lt.length}, total ${ms(lt.reduce((a, b) => a + b, 0))}, max ${ms(Math.max(0, ...lt))}`);
  console.log(`at the end: ${after.rows} rows in the DOM, ${after.domNodes} DOM elements, JS heap ${after.heapMb?.toFixed(1)} MB`);
}

checkBrowserPrerequisites();
const server = await startApi();
try {
  console.log(`load average before ingest: ${loadAverage()}`);
  const ingested = await ingest(server.baseUrl);
  console.log(`ingested ${replyCount} replies in ${ingested.seconds.toFixed(1)} s (${ingested.perSecond.toFixed(0)} replies/s, 16 in flight); team-helbred unhandled: ${ingested.unhandled}`);
  const browser = await launchBrowser();
  try {
    for (const viewport of viewports) {
      console.log(`load average: ${loadAverage()}`);
      await measure(browser, server.baseUrl, viewport);
    }
  } finally {
    await browser.close();
  }
} finally {
  server.stop();
}
