// Headless Chromium (system binary, never downloaded) with playwright-core from AddinWeb/node_modules, and pages that
// get Office.js the way the e2e tests give it (AddinWeb/test/e2e/harness.ts): the CDN URL is served from the
// @microsoft/office-js package with the host stand-in appended; nothing else leaves the machine.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fail, repo } from "./api.mjs";

const addinWeb = join(repo, "AddinWeb");
// chromium-headless-shell when installed: the full browser's headless mode builds its own window UI for every new
// page (the omnibox popup's WebUI renderer took 380-450 ms of CPU per pane load here, more than the pane's renderer),
// which no Office host does and which competed with the pane and the API for the two cores (BENCHMARKS.md, pane load).
const headlessShell = "/usr/lib/chromium/chromium-headless-shell";
export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync(headlessShell) ? headlessShell : "/usr/bin/chromium");
const cdn = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/** Fails at once (before the API is built and started) when Chromium or playwright-core is missing. */
export function checkBrowserPrerequisites() {
  if (!existsSync(chromiumPath)) fail(`Chromium not found at ${chromiumPath}: apt-get install -y chromium-headless-shell (or chromium), or set CHROMIUM_PATH.`);
  if (!existsSync(join(addinWeb, "node_modules", "playwright-core"))) fail("AddinWeb/node_modules is missing: run `npm ci` in AddinWeb (or `dotnet build Api`).");
}

export async function launchBrowser() {
  checkBrowserPrerequisites();
  const { chromium } = createRequire(join(addinWeb, "package.json"))("playwright-core");
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

// The CDN's files, read once (a browser takes them from its HTTP cache too), so a pane's load does not include this
// script reading them from disk again; office.js with the host stand-in appended.
const officeJsDist = join(addinWeb, "node_modules", "@microsoft", "office-js", "dist");
const cdnFiles = new Map();
function cdnFile(name) {
  if (!cdnFiles.has(name)) {
    const file = join(officeJsDist, name);
    const standIn = () => readFileSync(join(addinWeb, "test", "e2e", "host-standin.js"), "utf8");
    cdnFiles.set(name, name.includes("..") || !existsSync(file) ? null
      : name === "office.js" ? `${readFileSync(file, "utf8")}\n;${standIn()}` : readFileSync(file));
  }
  return cdnFiles.get(name);
}

/** A page with the offline Office.js + stand-in; `fake` is the document/mail the stand-in plays (see host-standin.js). */
export async function newPage(browser, { width, height, fake = null, identity }) {
  const page = await browser.newPage({ viewport: { width, height }, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  await page.route(`${cdn}**`, (route) => {
    const body = cdnFile(new URL(route.request().url()).pathname.slice("/lib/1/hosted/".length).toLowerCase());
    return body === null ? route.fulfill({ status: 404, body: "" }) : route.fulfill({ contentType: "text/javascript", body });
  });
  await page.route((url) => !/^http:\/\/127\.0\.0\.1:/.test(url.toString()) && !url.toString().startsWith(cdn), (route) => route.abort());
  page.on("pageerror", (e) => console.log(`  [page error] ${e.message}`));
  await page.addInitScript(([f, id]) => {
    window.__fakeOffice = f;
    localStorage.setItem("smartpost.devIdentity", JSON.stringify(id));
  }, [fake, identity]);
  return page;
}
