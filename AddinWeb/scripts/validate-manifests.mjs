#!/usr/bin/env node
// Validates the add-in manifests offline against the Office manifest XSDs in Manifest/schemas.
// It lives in AddinWeb because it needs AddinWeb's node_modules (libxml2-wasm).
//   node scripts/validate-manifests.mjs              the Word and Outlook manifests, generated for http://localhost:5080
//   node scripts/validate-manifests.mjs a.xml b.xml  manifests you generated yourself (e.g. with --base-url for production)
// or from AddinWeb: npm run validate [-- files]. Exits 1 and prints every schema error when a manifest is invalid.
// libxml2 (WebAssembly) sees only the schema files we hand it: no DTDs, no entities, no network.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  ParseOption, XmlBufferInputProvider, XmlDocument, XmlError, XmlValidateError, XsdValidator, xmlRegisterInputProvider,
} from "libxml2-wasm";
import { generateManifests } from "../../Manifest/generate.mjs";

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

/** Validates the given files, or the manifests generated for localhost; returns the error lines. */
export function validateManifests(files) {
  const validator = loadValidator();
  let scratch;
  try {
    if (files.length === 0) {
      scratch = mkdtempSync(join(tmpdir(), "smartpost-manifests-"));
      files = generateManifests("http://localhost:5080", scratch);
    }
    return files.flatMap((file) => {
      const errors = validateManifest(file, validator);
      console.log(errors.length === 0 ? `valid: ${basename(file)}` : `INVALID: ${basename(file)}`);
      return errors;
    });
  } finally {
    validator.dispose();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const errors = validateManifests(process.argv.slice(2).map((f) => resolve(f)));
  for (const line of errors) console.error(line);
  process.exit(errors.length === 0 ? 0 : 1);
}
