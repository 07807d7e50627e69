// Checks an Outlook unified-manifest app package (the folder unified-manifest.mjs writes) offline:
// 1. manifest.json and its language files against the Microsoft 365 app manifest JSON schemas shipped in the npm
//    package @microsoft/app-manifest (the version the manifest's $schema names; nothing is fetched);
// 2. that it still says what the XML manifest it was made from says (ids, names, pages, buttons, the send check,
//    Mailbox version), so a package left over from an older outlook.xml fails instead of being uploaded;
// 3. the icons' sizes.
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { ParseOption, XmlDocument } from "libxml2-wasm";
import { packageIcons, versionBelow } from "./unified-manifest.mjs";

const require = createRequire(import.meta.url);
const schemaRoot = join(dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");

/** The schema file for a $schema URL such as https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json. */
function localSchema(url) {
  const match = /\/json-schemas\/teams\/(v[\w.]+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)#?$/.exec(url ?? "");
  const path = match && join(schemaRoot, match[1], match[2]);
  return path && existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

function schemaErrors(file, json) {
  const schema = localSchema(json.$schema);
  if (!schema) return [`${file}: no schema in @microsoft/app-manifest for $schema ${json.$schema}`];
  // The Localization schema has patterns that are valid only as non-Unicode regular expressions.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  return validate(json) ? [] : validate.errors.map((e) => `${file}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path) {
  const png = readFileSync(path);
  return png.toString("latin1", 12, 16) === "IHDR" ? [png.readUInt32BE(16), png.readUInt32BE(20)] : null;
}

/** What the XML manifest declares, read with the same no-network, no-entity parser as the XSD check. */
function readXml(path) {
  const doc = XmlDocument.fromBuffer(new Uint8Array(readFileSync(path)), { url: path, option: ParseOption.XML_PARSE_NONET });
  try {
    const all = (name) => doc.find(`//*[local-name()="${name}"]`);
    const top = (name) => doc.get(`/*/*[local-name()="${name}"]`);
    const strings = Object.fromEntries(all("String").map((s) => [s.attr("id")?.value, s.attr("DefaultValue")?.value]));
    const overrides = (element) => Object.fromEntries(element.find(`*[local-name()="Override"]`)
      .map((o) => [o.attr("Locale").value.toLowerCase(), o.attr("Value").value]));
    return {
      id: top("Id").content.trim(),
      version: top("Version").content.trim(),
      name: top("DisplayName").attr("DefaultValue").value,
      description: top("Description").attr("DefaultValue").value,
      names: overrides(top("DisplayName")),
      descriptions: overrides(top("Description")),
      urls: all("Url").map((u) => u.attr("DefaultValue").value),
      controls: all("Control").map((c) => ({ id: c.attr("id").value, label: strings[c.get(`*[local-name()="Label"]`).attr("resid").value] })),
      events: all("LaunchEvent").map((e) => ({ type: e.attr("Type").value, action: e.attr("FunctionName").value, sendMode: e.attr("SendMode")?.value })),
      mailbox: doc.get(`//*[local-name()="VersionOverrides"]/*[local-name()="Requirements"]/*[local-name()="Sets"]`)?.attr("DefaultMinVersion")?.value,
    };
  } finally {
    doc.dispose();
  }
}

const eventTypes = { OnMessageSend: "messageSending" };
const lowerFirst = (s) => s && s[0].toLowerCase() + s.slice(1);

/** Where the package no longer matches the XML manifest, one line each. */
function driftErrors(manifest, languages, xml) {
  const errors = [];
  const expect = (what, actual, wanted) => {
    if (actual !== wanted) errors.push(`${what} is ${JSON.stringify(actual)}, the XML manifest says ${JSON.stringify(wanted)}`);
  };
  expect("id", manifest.id, xml.id);
  expect("version", manifest.version, xml.version.split(".").slice(0, 3).join("."));
  expect("name.short", manifest.name?.short, xml.name);
  expect("description.short", manifest.description?.short, xml.description);
  for (const [locale, name] of Object.entries(xml.names)) expect(`${locale} name.short`, languages[locale]?.["name.short"], name);
  for (const [locale, text] of Object.entries(xml.descriptions)) expect(`${locale} description.short`, languages[locale]?.["description.short"], text);

  const extension = manifest.extensions?.[0] ?? {};
  const code = (extension.runtimes ?? []).flatMap((r) => [r.code?.page, r.code?.script]);
  for (const url of xml.urls) if (!code.includes(url)) errors.push(`no runtime loads ${url}`);
  const controls = (extension.ribbons ?? []).flatMap((r) => r.tabs.flatMap((t) => t.groups.flatMap((g) => g.controls)));
  for (const control of xml.controls) expect(`button ${control.id} label`, controls.find((c) => c.id === control.id)?.label, control.label);
  const events = (extension.autoRunEvents ?? []).flatMap((a) => a.events);
  const actions = (extension.runtimes ?? []).flatMap((r) => r.actions ?? []).map((a) => a.id);
  for (const event of xml.events) {
    const found = events.find((e) => e.type === eventTypes[event.type] && e.actionId === event.action);
    if (!found) errors.push(`no ${eventTypes[event.type] ?? event.type} event runs ${event.action}`);
    else expect(`${event.action} sendMode`, found.options?.sendMode, lowerFirst(event.sendMode));
    if (!actions.includes(event.action)) errors.push(`no runtime defines the action ${event.action}`);
  }
  for (const part of [...extension.runtimes ?? [], ...extension.ribbons ?? [], ...extension.autoRunEvents ?? []]) {
    for (const c of part.requirements?.capabilities ?? []) {
      if (xml.mailbox && c.name === "Mailbox" && versionBelow(c.minVersion, xml.mailbox)) {
        errors.push(`requires Mailbox ${c.minVersion}, the XML manifest ${xml.mailbox}`);
      }
    }
  }
  return errors;
}

/** The error lines for the package in packageDir made from outlookXml; empty when it is valid and up to date. */
export function validateUnifiedManifest(packageDir, outlookXml) {
  const name = basename(packageDir);
  const read = (file) => JSON.parse(readFileSync(join(packageDir, file), "utf8"));
  const manifest = read("manifest.json");
  const errors = schemaErrors(`${name}/manifest.json`, manifest);
  const languages = {};
  for (const { languageTag, file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    if (!existsSync(join(packageDir, file))) { errors.push(`${name}: ${file} (${languageTag}) is missing`); continue; }
    languages[languageTag.toLowerCase()] = read(file);
    errors.push(...schemaErrors(`${name}/${file}`, languages[languageTag.toLowerCase()]));
  }
  for (const [role, { size }] of Object.entries(packageIcons)) {
    const file = manifest.icons?.[role];
    const actual = file && existsSync(join(packageDir, file)) ? pngSize(join(packageDir, file)) : null;
    if (actual?.[0] !== size || actual?.[1] !== size) errors.push(`${name}: the ${role} icon ${file} must be a ${size}×${size} PNG, is ${actual?.join("×") ?? "missing"}`);
  }
  errors.push(...driftErrors(manifest, languages, readXml(outlookXml)).map((line) => `${name}: ${line}`));
  return [...new Set(errors)];
}
