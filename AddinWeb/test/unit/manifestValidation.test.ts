// npm run validate: the XML manifests checked offline against the Office XSDs in Manifest/schemas, the Outlook
// unified manifest against the Microsoft 365 app manifest JSON schema and against the outlook.xml it was made from.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
// @ts-expect-error plain ES module without type declarations
import { generateManifests } from "../../../Manifest/generate.mjs";
// @ts-expect-error plain ES module without type declarations
import { validateManifests } from "../../scripts/validate-manifests.mjs";

const scratch = mkdtempSync(join(tmpdir(), "manifest-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
const [word, outlook] = generateManifests("https://smartpost.example.dk", scratch) as string[];

test("the Word and Outlook manifests are valid against the Office manifest schemas", () => {
  assert.deepEqual(validateManifests([word, outlook]), []);
});

test("an element the schema does not allow is reported with its line", () => {
  const broken = join(scratch, "broken.xml");
  writeFileSync(broken, readFileSync(word, "utf8").replace("<DefaultLocale>", "<Unknown/><DefaultLocale>"));
  const errors = validateManifests([broken]) as string[];
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^broken\.xml:\d+: .*Unknown.*not expected/);
});

test("a manifest with an external entity is refused, the entity neither fetched nor expanded", () => {
  const hostile = join(scratch, "hostile.xml");
  writeFileSync(hostile, readFileSync(outlook, "utf8")
    .replace("<OfficeApp", `<!DOCTYPE OfficeApp [<!ENTITY secret SYSTEM "file://${word}">]>\n<OfficeApp`)
    .replace("<ProviderName>", "<ProviderName>&secret;"));
  const errors = validateManifests([hostile]) as string[];
  assert.ok(errors.length > 0, "a manifest that leans on an external entity must not pass");
  assert.ok(errors.every((line) => !line.includes("smartpost.example.dk")), errors.join("\n"));
});

// The Outlook unified manifest (JSON) package, made from outlook.xml by office-addin-manifest-converter.
// @ts-expect-error plain ES module without type declarations
import { generateUnifiedManifest } from "../../scripts/unified-manifest.mjs";

const unified = join(scratch, "outlook-unified");
type UnifiedManifest = { name: { short: string }; description: { short: string }; [property: string]: unknown };
const readManifest = (): UnifiedManifest => JSON.parse(readFileSync(join(unified, "manifest.json"), "utf8"));

test("the unified manifest made from outlook.xml is valid against its JSON schema and says what the XML says", async () => {
  await generateUnifiedManifest(outlook, unified);
  assert.deepEqual(validateManifests([unified]), []);
  const manifest = readManifest();
  assert.equal(manifest.name.short, "SmartPost Assistent", "Danish, the XML's default locale");
  assert.ok(manifest.description.short.length <= 80 && !manifest.description.short.includes("TRUNCATED"), manifest.description.short);
  const english = JSON.parse(readFileSync(join(unified, "en-us.json"), "utf8"));
  assert.equal(english["name.short"], "SmartPost Assistant");
  assert.ok(existsSync(`${unified}.zip`), "the app package to upload");
});

test("a unified manifest left over from an older outlook.xml fails, naming what changed", async () => {
  const changedXml = join(scratch, "changed", "outlook.xml");
  mkdirSync(join(scratch, "changed"), { recursive: true });
  await generateUnifiedManifest(outlook, join(scratch, "changed", "outlook-unified"));
  writeFileSync(changedXml, readFileSync(outlook, "utf8")
    .replace('DefaultValue="SmartPost svar"', 'DefaultValue="SmartPost-svar"')
    .replace("<Version>1.0.0.0</Version>", "<Version>1.1.0.0</Version>"));
  const errors = validateManifests([join(scratch, "changed", "outlook-unified")]) as string[];
  assert.ok(errors.some((e) => /version is "1\.0\.0", the XML manifest says "1\.1\.0"/.test(e)), errors.join("\n"));
  assert.ok(errors.some((e) => /SmartPost\.ReadButton label is "SmartPost svar", the XML manifest says "SmartPost-svar"/.test(e)), errors.join("\n"));
});

test("a unified manifest the schema does not allow is reported with the property", async () => {
  await generateUnifiedManifest(outlook, unified);
  const manifest = readManifest();
  manifest.description.short = "x".repeat(81);
  manifest.unknownProperty = true;
  writeFileSync(join(unified, "manifest.json"), JSON.stringify(manifest));
  const errors = validateManifests([unified]) as string[];
  assert.ok(errors.some((e) => e.includes("/description/short") && e.includes("80")), errors.join("\n"));
  assert.ok(errors.some((e) => e.includes("unknownProperty")), errors.join("\n"));
});

test("the unified package carries a 192 px colour icon and a 32 px outline icon, and says so when they are wrong", async () => {
  await generateUnifiedManifest(outlook, unified);
  assert.deepEqual(validateManifests([unified]), []);
  copyFileSync(join(unified, "outline.png"), join(unified, "color.png"));
  const errors = validateManifests([unified]) as string[];
  assert.deepEqual(errors, ["outlook-unified: the color icon color.png must be a 192×192 PNG, is 32×32"]);
});
