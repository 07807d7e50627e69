import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repo, startApi } from "../lib/api.mjs";
import { launchBrowser, newPage } from "../lib/browser.mjs";
const letter = JSON.parse(readFileSync(join(repo, "benchmarks", "http", "payloads", "suggest.json"), "utf8"));
const fake = { host: "Word", doc: { title: letter.documentTitle, text: letter.text, properties: { WorkZoneDocumentId: "D2026-bench" } } };
const server = await startApi();
const browser = await launchBrowser();
for (let i = 0; i < 4; i++) {
  const page = await newPage(browser, { width: 320, height: 900, fake, identity: { user: "cw-bench", team: "team-helbred" } });
  await page.goto(`${server.baseUrl}/addin/word.html`);
  await page.waitForFunction(() => document.body.dataset.suggestionMs, null, { timeout: 30000 });
  const r = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0];
    const res = performance.getEntriesByType("resource").map((e) => `${e.name.replace(/^https?:\/\/[^/]+/, "").padEnd(50)} start ${e.startTime.toFixed(0)} reqStart ${e.requestStart.toFixed(0)} respEnd ${e.responseEnd.toFixed(0)} size ${e.transferSize}`);
    const paints = performance.getEntriesByType("paint").map((p) => `${p.name} ${p.startTime.toFixed(0)}`);
    return [`nav: respEnd ${n.responseEnd.toFixed(0)} domInteractive ${n.domInteractive.toFixed(0)} dcl ${n.domContentLoadedEventStart.toFixed(0)}-${n.domContentLoadedEventEnd.toFixed(0)} load ${n.loadEventStart.toFixed(0)}`, ...paints, ...res, `shown ${document.body.dataset.suggestionMs}`].join("\n");
  });
  console.log(`--- run ${i}\n${r}`);
  await page.close();
}
await browser.close(); server.stop();
