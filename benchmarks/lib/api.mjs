// Node side of the benchmark scripts: publish the API in Release as production runs it (ReadyToRun, with the panes'
// assets; see publish_api in api.sh) and start it on a free loopback port (Development, temporary SQLite file, demo
// data), wait for /health, and stop it (its whole process group) on exit or Ctrl-C.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function fail(message) {
  console.error(message);
  process.exit(1);
}

const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => resolve(port)); });
});

export const loadAverage = () => (spawnSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).stdout ?? "").split(" ").slice(0, 3).join(" ");

/** Publishes this tree's API, or uses `published` (an already published folder, e.g. a baseline's) as it is. */
export async function startApi(published = null) {
  if (!published) {
    console.log("Publishing the API (Release) ...");
    published = join(repo, "Api", "bin", "Release", "publish");
    const build = spawnSync("dotnet", ["publish", "-c", "Release", join(repo, "Api"), "-o", published, "-nologo", "-v", "q"], { stdio: "inherit" });
    if (build.status !== 0) fail("API publish failed");
  }
  const baseUrl = `http://127.0.0.1:${await freePort()}`;
  const data = mkdtempSync(join(tmpdir(), "smartpost-bench-"));
  const api = spawn("dotnet", [join(published, "SmartPost.Api.dll"), "--urls", baseUrl], {
    cwd: published, // the content root: rules files and the panes' assets
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: "Development", Database__SqlitePath: join(data, "bench.db"), Database__SeedDemoData: "true", DOTNET_NOLOGO: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group: stop() ends the API and nothing else
  });
  let log = "";
  api.stdout.on("data", (d) => (log = (log + d).slice(-5000)));
  api.stderr.on("data", (d) => (log = (log + d).slice(-5000)));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { process.kill(-api.pid, "SIGTERM"); } catch { /* already gone */ }
    rmSync(data, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { stop(); process.exit(130); });
  process.on("exit", stop);
  console.log(`Starting the API on ${baseUrl} ...`);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) fail(`API exited during start-up:\n${log}`);
    try { if ((await fetch(`${baseUrl}/health`)).ok) return { baseUrl, stop }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`API did not answer /health within 120 s:\n${log}`);
}
