#!/usr/bin/env node
// Team dashboard with 5,000 unhandled replies (issue 4: "renders and scrolls smoothly (virtualised or paged)").
// Starts the API (Release, Development, temporary SQLite file, demo data), ingests REPLIES replies into team-helbred
// through POST /api/v1/replies (parallel), opens /addin/dashboard.html in headless Chromium and measures:
//   - time from navigation start to the first rendered reply row, and the rows/DOM nodes then;
//   - scrolling to the bottom and loading every further page ("Indlæs flere"): requestAnimationFrame frame times
//     (p50/p95/p99/max), long tasks (PerformanceObserver 'longtask'), time per page load, rows in the DOM at the end.
// Usage: node benchmarks/dashboard/measure.mjs            (REPLIES=5000 VIEWPORTS=320x900,1280x900 SCROLL_PX=300)
// Needs: AddinWeb/node_modules (built by `dotnet build Api` or `npm ci` in AddinWeb), Chromium at /usr/bin/chromium.
// Not part of the test run. Figures in BENCHMARKS.md.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const addinWeb = join(repo, "AddinWeb");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const replyCount = Number(process.env.REPLIES ?? 5000);
const viewports = (process.env.VIEWPORTS ?? "320x900,1280x900").split(",").map((v) => v.split("x").map(Number));
const scrollPx = Number(process.env.SCROLL_PX ?? 300);
const team = "team-helbred";
const headers = { "Content-Type": "application/json", "X-Dev-User": "cw-bench", "X-Dev-Teams": team };

if (!existsSync(chromiumPath)) fail(`Chromium not found at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
if (!existsSync(join(addinWeb, "node_modules", "playwright-core"))) fail("AddinWeb/node_modules is missing: run `npm ci` in AddinWeb (or `dotnet build Api`).");
const { chromium } = createRequire(join(addinWeb, "package.json"))("playwright-core");

function fail(message) {
  console.error(message);
  process.exit(1);
}

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => resolve(port)); });
});

async function startApi() {
  console.log("Building the API (Release) ...");
  const build = spawnSync("dotnet", ["build", "-c", "Release", join(repo, "Api"), "-nologo", "-v", "q"], { stdio: "inherit" });
  if (build.status !== 0) fail("API build failed");
  const baseUrl = `http://127.0.0.1:${await freePort()}`;
  const data = mkdtempSync(join(tmpdir(), "smartpost-dashboard-"));
  const api = spawn("dotnet", ["run", "-c", "Release", "--no-build", "--project", join(repo, "Api"), "--no-launch-profile", "--urls", baseUrl], {
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: "Development", Database__SqlitePath: join(data, "bench.db"), Database__SeedDemoData: "true", DOTNET_NOLOGO: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group: stop() ends dotnet run and the app it started, nothing else
  });
  let log = "";
  api.stdout.on("data", (d) => (log = (log + d).slice(-5000)));
  api.stderr.on("data", (d) => (log = (log + d).slice(-5000)));
  const stop = () => {
    try { process.kill(-api.pid, "SIGTERM"); } catch { /* already gone */ }
    rmSync(data, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { stop(); process.exit(130); });
  process.on("exit", stop);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) fail(`API exited during start-up:\n${log}`);
    try { if ((await fetch(`${baseUrl}/health`)).ok) return { baseUrl, stop }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`API did not answer /health within 120 s:\n${log}`);
}

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

const cdn = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/** Same offline Office.js approach as AddinWeb/test/e2e/harness.ts (the dashboard itself does not load office.js). */
async function openDashboard(browser, baseUrl, [width, height]) {
  const page = await browser.newPage({ viewport: { width, height }, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const officeJsDist = join(addinWeb, "node_modules", "@microsoft", "office-js", "dist");
  const standIn = readFileSync(join(addinWeb, "test", "e2e", "host-standin.js"), "utf8");
  await page.route(`${cdn}**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice("/lib/1/hosted/".length).toLowerCase();
    const file = join(officeJsDist, name);
    if (name.includes("..") || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ contentType: "text/javascript", body: name === "office.js" ? `${readFileSync(file, "utf8")}\n;${standIn}` : readFileSync(file) });
  });
  await page.route((url) => !/^http:\/\/127\.0\.0\.1:/.test(url.toString()) && !url.toString().startsWith(cdn), (route) => route.abort());
  page.on("pageerror", (e) => console.log(`  [page error] ${e.message}`));
  await page.addInitScript((identity) => {
    localStorage.setItem("smartpost.devIdentity", JSON.stringify(identity));
    const w = window;
    w.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: "longtask", buffered: true });
    // First reply row in the DOM, in ms since navigation start.
    new MutationObserver((_, observer) => {
      if (document.querySelector("#reply-list .reply")) { w.__firstRowMs = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, { user: "cw-bench", team });
  await page.goto(`${baseUrl}/addin/dashboard.html`);
  await page.locator("#reply-list .reply").first().waitFor({ timeout: 30_000 });
  return page;
}

/** In the page: scroll down SCROLL_PX per frame; at the bottom click "Indlæs flere" and wait for the next page's rows. */
function scrollEverything(step) {
  return new Promise((resolve) => {
    const frames = [];
    const pageLoads = [];
    const rows = () => document.querySelectorAll("#reply-list .reply").length;
    const more = document.getElementById("load-more");
    const started = performance.now();
    let last = started;
    let waiting = null;
    const tick = (now) => {
      frames.push({ at: now, ms: now - last, rows: rows() });
      last = now;
      if (waiting) {
        if (rows() > waiting.rows) { pageLoads.push(now - waiting.since); waiting = null; }
      } else {
        const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
        if (bottom && more && !more.hidden) {
          waiting = { rows: rows(), since: now };
          more.click();
        } else if (bottom || now - started > 170_000) {
          resolve({ frames, pageLoads, seconds: (now - started) / 1000, started });
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

async function measure(browser, baseUrl, viewport) {
  const page = await openDashboard(browser, baseUrl, viewport);
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
  const early = scroll.frames.filter((f) => f.rows <= 500);
  const late = scroll.frames.filter((f) => f.rows > replyCount - 500);
  const lt = after.longTasks.map((t) => t.duration);
  console.log(`\n--- viewport ${viewport.join("x")}`);
  console.log(`first rendered list: ${ms(first.firstRowMs)} after navigation start; ${first.rows} rows, ${first.domNodes} DOM elements; ${first.totals}`);
  console.log(`long tasks during load: ${after.loadLongTasks.length} (max ${ms(Math.max(0, ...after.loadLongTasks.map((t) => t.duration)))})`);
  console.log(`scroll to the end (${scrollPx} px/frame, clicking "load more" at the bottom): ${scroll.seconds.toFixed(1)} s, ${scroll.pageLoads.length} more pages`);
  console.log(`  all frames:            ${frameStats(scroll.frames)}`);
  console.log(`  while ≤ 500 rows:      ${frameStats(early)}`);
  console.log(`  while > ${replyCount - 500} rows:    ${frameStats(late)}`);
  console.log(`  page load (click → rows): p50 ${ms(pct(scroll.pageLoads, 50))}, p95 ${ms(pct(scroll.pageLoads, 95))}, max ${ms(Math.max(...scroll.pageLoads))}`);
  console.log(`  long tasks while scrolling: ${lt.length}, total ${ms(lt.reduce((a, b) => a + b, 0))}, max ${ms(Math.max(0, ...lt))}`);
  console.log(`at the end: ${after.rows} rows in the DOM, ${after.domNodes} DOM elements, JS heap ${after.heapMb?.toFixed(1)} MB`);
}

const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const server = await startApi();
try {
  console.log(`load average before ingest: ${load()}`);
  const ingested = await ingest(server.baseUrl);
  console.log(`ingested ${replyCount} replies in ${ingested.seconds.toFixed(1)} s (${ingested.perSecond.toFixed(0)} replies/s, 16 in flight); team-helbred unhandled: ${ingested.unhandled}`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    for (const viewport of viewports) {
      console.log(`load average: ${load()}`);
      await measure(browser, server.baseUrl, viewport);
    }
  } finally {
    await browser.close();
  }
} finally {
  server.stop();
}
