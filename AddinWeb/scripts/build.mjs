// Builds the task panes into ../Api/wwwroot/addin (served by the API under /addin) and generates the manifests
// for the local API (with the Outlook unified manifest package when it is served over https, as by npm start).
// Run by `npm run build` and by the Api.csproj build when sources changed.
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateAllManifests } from "./manifests.mjs";
import { preparePages } from "./pages.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = process.env.ADDIN_OUT ?? join(root, "..", "Api", "wwwroot", "addin");
const localBaseUrl = process.env.SMARTPOST_BASE_URL ?? "http://localhost:5080";

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(root, "public"), out, { recursive: true });

// Task panes: ES modules with shared chunks; MSAL only in its lazily loaded chunk.
const panes = await build({
  entryPoints: ["word", "outlook", "dashboard"].map((name) => join(root, "src", "entries", `${name}.ts`)),
  outdir: join(out, "js"),
  bundle: true, splitting: true, format: "esm", target: "es2020", minify: true, sourcemap: "linked",
  chunkNames: "chunks/[name]-[hash]", logLevel: "warning", metafile: true,
});
preparePages(out, panes.metafile);

// The Smart Alerts handler: one classic script, no chunks, no DOM (REFERENCE.md). Absolute API base for the
// JavaScript-only runtime, which has no page origin.
await build({
  entryPoints: [join(root, "src", "send", "onMessageSend.ts")],
  outfile: join(out, "send", "onMessageSend.js"),
  bundle: true, format: "iife", target: "es2017", minify: true, logLevel: "warning",
  define: { SMARTPOST_API_BASE: JSON.stringify(localBaseUrl) },
});

await generateAllManifests(localBaseUrl, join(out, "manifests"));

const sizes = {};
for (const file of walk(join(out, "js")).filter((f) => f.endsWith(".js"))) {
  sizes[file.slice(out.length + 1)] = gzipSync(readFileSync(file)).length;
}
writeFileSync(join(out, "build-sizes.json"), JSON.stringify(sizes, null, 2));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
