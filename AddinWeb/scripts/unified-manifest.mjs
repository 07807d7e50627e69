// The Outlook add-in's unified manifest for Microsoft 365 (JSON), made from the generated outlook.xml by Microsoft's
// office-addin-manifest-converter and packed with its icons as the app package (a .zip) that new Outlook and the
// Microsoft 365 admin center take. The XML template stays the one source; nothing here is edited by hand.
// It lives in AddinWeb because it needs AddinWeb's node_modules.
import AdmZip from "adm-zip";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { colorIcon, outlineIcon } from "./make-icons.mjs";

const require = createRequire(import.meta.url);
// The package's convert() always reads the XML as if Office ran in English, so a da-DK manifest came out with English
// names and no Danish at all. Its Converter class takes the locale: we give it the manifest's own default locale.
// Converter and Utilities are the package's internals, not its documented API, hence the exact 0.4.1 in package.json.
const { Converter } = require("office-addin-manifest-converter/lib/converter.js");
const { Utilities } = require("office-addin-manifest-converter/lib/utilities.js");

/** The app package's icons: Microsoft 365 wants a 192 px colour icon and a 32 px white-on-transparent outline. */
export const packageIcons = { color: { file: "color.png", size: 192 }, outline: { file: "outline.png", size: 32 } };
const brandColour = "#0F6CBD";

/**
 * Converts outlook.xml into outDir (manifest.json, one file per extra language, the two icons) and packs the same
 * files into outDir + ".zip". Returns the zip's path.
 */
export async function generateUnifiedManifest(outlookXmlPath, outDir) {
  const xml = readFileSync(outlookXmlPath, "utf8");
  const defaultLocale = /<DefaultLocale>([^<]+)<\/DefaultLocale>/.exec(xml)?.[1];
  if (!defaultLocale) throw new Error(`${outlookXmlPath}: no <DefaultLocale>`);

  Utilities.setUpOSFAppTelemetry(); // the converter's "telemetry" is a console logger; it sends nothing
  Utilities.setInputXmlFilePath(outlookXmlPath);
  Utilities.setDownloadImages(false); // the icons come from make-icons.mjs, not from the deployed site
  Utilities.setWriteImageUrls(true);
  Utilities.setVerbosity(false);
  const converter = new Converter(xml, defaultLocale);
  await converter.convert();
  const manifest = completeManifest(JSON.parse(JSON.stringify(converter.getJSON())), xml);

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = { "manifest.json": JSON.stringify(manifest, null, 2) + "\n" };
  const locales = converter.getLocaleBuilder();
  for (const locale of locales.getLocales()) {
    files[Utilities.createLocaleFileName(locale)] = JSON.stringify(locales.getLocaleFileResources(locale), null, 2) + "\n";
  }
  files[packageIcons.color.file] = colorIcon(packageIcons.color.size);
  files[packageIcons.outline.file] = outlineIcon(packageIcons.outline.size);

  const zip = new AdmZip();
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(outDir, name), content);
    zip.addFile(name, Buffer.from(content));
  }
  const zipPath = `${outDir}.zip`;
  zip.writeZip(zipPath);
  return zipPath;
}

/** What the converter leaves for us: the package's own icons, our colour, and the Mailbox version the XML requires. */
function completeManifest(manifest, xml) {
  manifest.icons = { color: packageIcons.color.file, outline: packageIcons.outline.file };
  manifest.accentColor = brandColour;
  // The converter gives every requirement Mailbox 1.5; the send check (OnMessageSend) needs what the XML's
  // VersionOverrides ask for (1.12), or Outlook versions that cannot run it would install the add-in.
  const required = /<bt:Sets DefaultMinVersion="([\d.]+)">\s*<bt:Set Name="Mailbox"\/>/.exec(xml)?.[1];
  for (const extension of manifest.extensions ?? []) {
    for (const part of [...extension.runtimes ?? [], ...extension.ribbons ?? [], ...extension.autoRunEvents ?? []]) {
      for (const capability of part.requirements?.capabilities ?? []) {
        if (required && capability.name === "Mailbox" && versionBelow(capability.minVersion, required)) capability.minVersion = required;
      }
    }
  }
  return manifest;
}

export function versionBelow(a, b) {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  }
  return false;
}
