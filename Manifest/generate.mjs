#!/usr/bin/env node
// Generates the Word and Outlook manifests for one deployment URL from templates/ (one manifest per host).
//   node Manifest/generate.mjs --base-url https://smartpost.example.dk [--client-id <guid>] [--out dir]
// or from AddinWeb: npm run manifests -- --base-url https://smartpost.example.dk
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** Placeholder application id until the identity issue registers the Entra ID app (Addin:ClientId). */
export const placeholderClientId = "00000000-0000-0000-0000-000000000000";

export function generateManifests(baseUrl, outDir, clientId = placeholderClientId) {
  const url = new URL(baseUrl);
  if (url.pathname !== "/" || url.search) throw new Error(`--base-url must be an origin such as https://host[:port], got ${baseUrl}`);
  const base = url.origin;
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const name of ["word", "outlook"]) {
    const xml = readFileSync(join(here, "templates", `${name}.xml`), "utf8")
      .replaceAll("{{BASE_URL}}", base)
      .replaceAll("{{HOST}}", url.host)
      .replaceAll("{{CLIENT_ID}}", clientId);
    const file = join(outDir, `${name}.xml`);
    writeFileSync(file, xml);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const baseUrl = arg("--base-url");
  if (!baseUrl) {
    console.error("usage: node Manifest/generate.mjs --base-url https://host [--client-id guid] [--out dir]");
    process.exit(2);
  }
  const files = generateManifests(baseUrl, resolve(arg("--out") ?? join(here, "out")), arg("--client-id") ?? placeholderClientId);
  for (const file of files) console.log(`wrote ${file}`);
}
