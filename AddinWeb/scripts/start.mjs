// npm start [-- word|outlook]: the panes for a real Office client, the Office add-in way. HTTPS on localhost with the
// Office development certificate (office-addin-dev-certs), a build whose manifests and send handler point at that
// origin, the API serving both, and — where a desktop Office exists (Windows, macOS) — the add-in sideloaded into
// Word or Outlook with office-addin-debugging. Elsewhere (Linux, Word on the web, new Outlook) it prints the upload
// steps. Ctrl+C stops the API (and unregisters the sideloaded add-in).
//
// The plain `dotnet run --project Api` (http://localhost:5080) keeps its own build in Api/wwwroot/addin; this one
// builds into Api/wwwroot/addin-https, so the two never overwrite each other's manifests.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const repo = dirname(root);
const host = process.argv[2] ?? "";
if (!["", "word", "outlook"].includes(host)) {
  console.error("usage: npm start [-- word|outlook]   (or npm run start:word / npm run start:outlook)");
  process.exit(2);
}
const port = Number(process.env.SMARTPOST_HTTPS_PORT ?? 3000);
const baseUrl = `https://localhost:${port}`;
const assets = join("wwwroot", "addin-https");
const out = join(repo, "Api", assets);

// 1. The development certificate: a local CA trusted by this user (Windows/macOS ask once; Linux asks for sudo).
const certs = require("office-addin-dev-certs");
// Where office-addin-dev-certs keeps them (its defaults; every Office add-in project on this machine shares them).
const certDir = join(homedir(), ".office-addin-dev-certs");
const certificate = { ca: join(certDir, "ca.crt"), cert: join(certDir, "localhost.crt"), key: join(certDir, "localhost.key") };
try {
  await certs.ensureCertificatesAreInstalled();
} catch (error) {
  if (!existsSync(certificate.cert)) {
    console.error(`Could not create the development certificate: ${error.message ?? error}`);
    console.error("Run `npx office-addin-dev-certs install` yourself (see README, \"Sideload the add-in\").");
    process.exit(1);
  }
  console.warn(`The development CA is not trusted (${error.message ?? error}); the browser and Office will warn about`);
  console.warn(`https://localhost:${port} until you trust ${certificate.ca} (README, "Sideload the add-in").`);
}

// 2. The panes, manifests and send handler for https://localhost:<port>.
run(process.execPath, [join(root, "scripts", "build.mjs")], { ADDIN_OUT: out, SMARTPOST_BASE_URL: baseUrl });
const manifest = (name) => join(out, "manifests", `${name}.xml`);

// 3. The API over HTTPS with that certificate (Development: demo data and the marked development identity).
const api = spawn("dotnet", ["run", "--project", join(repo, "Api"), "--no-launch-profile", "-p:SkipAddinBuild=true", "--urls", baseUrl], {
  stdio: "inherit",
  env: {
    ...process.env,
    ASPNETCORE_ENVIRONMENT: process.env.ASPNETCORE_ENVIRONMENT ?? "Development",
    Addin__AssetsPath: assets,
    Kestrel__Certificates__Default__Path: certificate.cert,
    Kestrel__Certificates__Default__KeyPath: certificate.key,
  },
});
let sideloaded = false;
const stop = () => {
  if (sideloaded) spawnSync("npx", ["--yes", "office-addin-debugging@7", "stop", manifest(host)], { stdio: "inherit", shell: process.platform === "win32" });
  api.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
api.on("exit", (code) => process.exit(code ?? 0));

await waitForHealth();
console.log(`\nSmartPost on ${baseUrl}: start page ${baseUrl}/, dashboard ${baseUrl}/addin/dashboard.html`);
console.log(`Manifests: ${relative(process.cwd(), manifest("word"))}, ${relative(process.cwd(), manifest("outlook"))}`
  + ` (Outlook unified manifest package: ${relative(process.cwd(), join(out, "manifests", "outlook-unified.zip"))})`);

// 4. Sideload where a desktop client exists; everywhere else the documented upload.
if (host && (process.platform === "win32" || process.platform === "darwin")) {
  // office-addin-debugging is fetched on demand: its dependency tree builds a native keyring module that does not
  // build on Linux, where there is no desktop Office to sideload into anyway.
  const result = spawnSync("npx", ["--yes", "office-addin-debugging@7", "start", manifest(host), "desktop", "--app", host,
    "--dev-server-port", String(port), "--no-debug", "--no-live-reload"], { stdio: "inherit", shell: process.platform === "win32" });
  sideloaded = result.status === 0;
  if (!sideloaded) console.warn("Sideloading failed; upload the manifest by hand as below.");
}
if (!sideloaded) {
  const target = host || "word";
  console.log(target === "outlook"
    ? `\nOutlook on the web / new Outlook: open https://aka.ms/olksideload → My add-ins → Custom Addins → Add a custom add-in → Add from File… → ${manifest("outlook")}`
    : `\nWord on the web: open a document → Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in → ${manifest("word")}`);
  console.log("The \"SmartPost\" button is then on the Home tab (Word) or on a message (Outlook). Ctrl+C stops the API.");
}

function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function waitForHealth() {
  // Node does not trust the development CA by default; health is asked over plain TLS without verification only to
  // know that the API is up — the browser and Office verify the certificate themselves.
  const { request } = await import("node:https");
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) process.exit(api.exitCode);
    const ok = await new Promise((resolve) => {
      const req = request(`${baseUrl}/health/live`, { rejectUnauthorized: false, timeout: 2000 }, (res) => { res.resume(); resolve(res.statusCode === 200); });
      req.on("error", () => resolve(false));
      req.on("timeout", () => { req.destroy(); resolve(false); });
      req.end();
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.error(`The API did not answer on ${baseUrl}/health/live within 4 minutes.`);
  stop();
  process.exit(1);
}
