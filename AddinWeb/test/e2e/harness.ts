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

/** Opens a production pane page with the Office.js stand-in in place of the CDN script, at task-pane width. */
export async function openPane(browser: Browser, url: string, fake: unknown, devIdentity = { user: "cw-anna", team: "team-a" }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  page.on("console", (m) => { if (m.text().startsWith("smartpost:")) console.log(`  [pane] ${m.text()}`); });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: readFileSync(join(here, "office-standin.js"), "utf8") }));
  await page.addInitScript(([f, id]) => {
    (window as unknown as { __fakeOffice: unknown }).__fakeOffice = f;
    localStorage.setItem("smartpost.devIdentity", JSON.stringify(id));
  }, [fake, devIdentity] as const);
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
}

export function api(baseUrl: string, user: string, team = "team-a") {
  return async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const response = await fetch(baseUrl + path, { ...init, headers: { "Content-Type": "application/json", "X-Dev-User": user, "X-Dev-Teams": team, ...(init.headers ?? {}) } });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
}
