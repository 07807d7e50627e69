#!/usr/bin/env node
// Validates the add-in manifests offline: the XML ones against the Office manifest XSDs in Manifest/schemas, the
// Outlook unified manifest package against the Microsoft 365 app manifest JSON schema and against its outlook.xml
// (validate-unified.mjs). It lives in AddinWeb because it needs AddinWeb's node_modules.
//   node scripts/validate-manifests.mjs              all three, generated for https://localhost:3000 (npm start)
//   node scripts/validate-manifests.mjs a.xml dir/   manifests you generated yourself (npm run manifests -- --base-url …);
//                                                    a folder is a unified package, checked against the outlook.xml beside it
// or from AddinWeb: npm run validate [-- files]. Exits 1 and prints every error when a manifest is invalid.
// libxml2 (WebAssembly) sees only the schema files we hand it: no DTDs, no entities, no network.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  ParseOption, XmlBufferInputProvider, XmlDocument, XmlError, XmlValidateError, XsdValidator, xmlRegisterInputProvider,
} from "libxml2-wasm";
import { generateManifests } from "../../Manifest/generate.mjs";
import { generateUnifiedManifest } from "./unified-manifest.mjs";
import { validateUnifiedManifest } from "./validate-unified.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = join(here, "..", "..", "Manifest", "schemas");
const rootSchema = "OfficeAppManifestV1_1.xsd";
/** No network, no DTD loading, no entity substitution: a manifest cannot make the validator fetch or expand anything. */
const safeParsing = ParseOption.XML_PARSE_NONET;

let registered = false;

/** The schema's imports resolve to the files in Manifest/schemas and nowhere else. */
function loadValidator() {
  const buffers = {};
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"))) {
    buffers[join(schemaDir, file)] = new Uint8Array(readFileSync(join(schemaDir, file)));
  }
  if (!registered) {
    xmlRegisterInputProvider(new XmlBufferInputProvider(buffers));
    registered = true;
  }
  const url = join(schemaDir, rootSchema);
  const xsd = XmlDocument.fromBuffer(buffers[url], { url, option: safeParsing });
  try {
    return XsdValidator.fromDoc(xsd);
  } finally {
    xsd.dispose();
  }
}

/** The schema errors of one manifest as "file:line: message" lines; empty when it is valid. */
export function validateManifest(path, validator) {
  let doc;
  try {
    doc = XmlDocument.fromBuffer(new Uint8Array(readFileSync(path)), { url: path, option: safeParsing });
  } catch (error) {
    return (error.details ?? [{ message: error.message, line: 0 }]).map((d) => `${basename(path)}:${d.line}: ${d.message.trim()}`);
  }
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    // libxml2 refuses some documents without details (e.g. an entity reference it did not expand): still invalid.
    if (!(error instanceof XmlError)) throw error;
    const details = error instanceof XmlValidateError ? error.details : [{ line: 0, message: error.message }];
    return details.map((d) => `${basename(path)}:${d.line}: ${d.message.trim()}`);
  } finally {
    doc.dispose();
  }
}

/** Validates the given XML files and unified packages (folders); returns the error lines. */
export function validateManifests(files) {
  const validator = loadValidator();
  try {
    return files.flatMap((file) => {
      const errors = statSync(file).isDirectory()
        ? validateUnifiedManifest(file, join(dirname(file), "outlook.xml"))
        : validateManifest(file, validator);
      console.log(errors.length === 0 ? `valid: ${basename(file)}` : `INVALID: ${basename(file)}`);
      return errors;
    });
  } finally {
    validator.dispose();
  }
}

/** The manifests `npm start` makes for https://localhost:3000, generated afresh and validated. */
export async function validateGeneratedManifests() {
  const scratch = mkdtempSync(join(tmpdir(), "smartpost-manifests-"));
  try {
    const [word, outlook] = generateManifests("https://localhost:3000", scratch);
    const unified = join(scratch, "outlook-unified");
    await generateUnifiedManifest(outlook, unified);
    return validateManifests([word, outlook, unified]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2).map((f) => resolve(f));
  const errors = files.length > 0 ? validateManifests(files) : await validateGeneratedManifests();
  for (const line of errors) console.error(line);
  process.exit(errors.length === 0 ? 0 : 1);
}
