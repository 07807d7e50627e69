// npm run validate: the manifests checked offline against the Office XSDs in Manifest/schemas.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
