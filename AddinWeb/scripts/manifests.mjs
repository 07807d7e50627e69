#!/usr/bin/env node
// npm run manifests -- --base-url https://host [--client-id guid] [--out dir]
// The Word and Outlook XML manifests for one deployment URL (Manifest/generate.mjs) and, for an https URL, the
// Outlook unified manifest package made from outlook.xml (outlook-unified/ and outlook-unified.zip beside it).
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateManifests, placeholderClientId } from "../../Manifest/generate.mjs";
import { generateUnifiedManifest } from "./unified-manifest.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));

/** All manifests for baseUrl into outDir; the unified package only for https, the only scheme Microsoft 365 loads. */
export async function generateAllManifests(baseUrl, outDir, clientId = placeholderClientId) {
  const [word, outlook] = generateManifests(baseUrl, outDir, clientId);
  const written = [word, outlook];
  if (new URL(baseUrl).protocol === "https:") written.push(await generateUnifiedManifest(outlook, join(outDir, "outlook-unified")));
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const baseUrl = arg("--base-url");
  if (!baseUrl) {
    console.error("usage: npm run manifests -- --base-url https://host [--client-id guid] [--out dir]");
    process.exit(2);
  }
  const outDir = resolve(arg("--out") ?? join(here, "..", "..", "Manifest", "out"));
  for (const file of await generateAllManifests(baseUrl, outDir, arg("--client-id") ?? placeholderClientId)) console.log(`wrote ${file}`);
  if (!baseUrl.startsWith("https:")) console.log("No unified manifest: Microsoft 365 loads add-ins only over https.");
}
