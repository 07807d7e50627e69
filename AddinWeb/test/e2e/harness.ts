import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const resultsDir = join(here, "..", "..", "test-results");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Starts the real API (Development, fresh SQLite file) and waits for /health. */
export async function startApi(): Promise<{ baseUrl: string; stop(): void }> {
  const port = 5300 + Math.floor(Math.random() * 500);
  const baseUrl = `http://127.0.0.1:${port}`;
  const data = mkdtempSync(join(tmpdir(), "smartpost-e2e-"));
  const api: ChildProcess = spawn("dotnet", ["run", "--project", join(here, "..", "..", "..", "Api"), "--no-launch-profile", "--urls", baseUrl], {
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: "Development", Database__SqlitePath: join(data, "e2e.db"), DOTNET_NOLOGO: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  api.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  api.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const stop = (): void => { try { if (api.pid) process.kill(-api.pid, "SIGTERM"); } catch { /* already gone */ } };
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`API exited (${api.exitCode}):\n${log.slice(-3000)}`);
    try { if ((await fetch(`${baseUrl}/health`)).ok) return { baseUrl, stop }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`API did not answer /health within 240 s:\n${log.slice(-3000)}`);
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

const cdn = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const officeJsDist = join(here, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
const hostStandIn = readFileSync(join(here, "host-standin.js"), "utf8");

/**
 * The CDN's Office.js, offline: files from the @microsoft/office-js package. office.js itself gets the host stand-in
 * appended (the document or mail an Office client would provide); its helper files are served as they are.
 */
async function serveOfficeJs(page: Page): Promise<void> {
  await page.route(`${cdn}**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice("/lib/1/hosted/".length).toLowerCase();
    const file = join(officeJsDist, name);
    if (name.includes("..") || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
    const body = name === "office.js" ? `${readFileSync(file, "utf8")}\n;${hostStandIn}` : readFileSync(file);
    return route.fulfill({ contentType: "text/javascript", body });
  });
  // Nothing else leaves the machine (office.js would otherwise try telemetry).
  await page.route((url) => !/^http:\/\/127\.0\.0\.1:/.test(url.toString()) && !url.toString().startsWith(cdn), (route) => route.abort());
}

export const defaultIdentity = { user: "cw-anna", team: "team-helbred" };

/** Opens a production pane page with Office.js + host stand-in in place of the CDN script, at task-pane width. */
export async function openPane(browser: Browser, url: string, fake: unknown, devIdentity = defaultIdentity): Promise<Page> {
  // Danish caseworkers: the dashboard (a plain page) takes its language from the browser.
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  page.on("console", (m) => { if (m.text().startsWith("smartpost:")) console.log(`  [pane] ${m.text()}`); });
  page.on("pageerror", (e) => console.log(`  [pane error] ${e.message}`));
  await serveOfficeJs(page);
  await page.addInitScript(([f, id]) => {
    (window as unknown as { __fakeOffice: unknown }).__fakeOffice = f;
    try { localStorage.setItem("smartpost.devIdentity", JSON.stringify(id)); } catch { /* about:blank has no storage */ }
  }, [fake, devIdentity] as const);
  await page.goto(url);
  return page;
}

/** Waits for a pane element; on failure saves a screenshot and says what the pane shows instead. */
export async function shown(page: Page, selector: string, name: string, timeout = 20_000): Promise<void> {
  try {
    await page.locator(selector).waitFor({ timeout });
  } catch (error) {
    await screenshot(page, `FAILED-${name}`);
    throw new Error(`${selector} not shown; the pane shows:\n${await page.locator("body").innerText()}\n${String(error)}`);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
}

export function api(baseUrl: string, user: string, team = defaultIdentity.team) {
  return async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const response = await fetch(baseUrl + path, { ...init, headers: { "Content-Type": "application/json", "X-Dev-User": user, "X-Dev-Teams": team, ...(init.headers ?? {}) } });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
}
