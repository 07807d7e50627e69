// Post-build step for the HTML pages (pane load time, BENCHMARKS.md "Pane load → shown suggestion"):
// - styles.css is inlined as <style>, so the first paint (the skeleton) waits for no stylesheet request;
// - every page gets <link rel="modulepreload"> for its entry and the chunks it imports statically. Without it the
//   browser finds the chunks only after the entry has arrived and the parser has run office.js, one round trip late.
// office.js stays a plain synchronous <script> from the CDN before our module (Office platform rule); module
// scripts run after it, so our code never uses Office before office.js has loaded.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export function preparePages(out, metafile) {
  const css = readFileSync(join(out, "styles.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\n\s*/g, "\n").trim();
  for (const name of readdirSync(out).filter((f) => f.endsWith(".html"))) {
    const file = join(out, name);
    let html = readFileSync(file, "utf8").replace('<link rel="stylesheet" href="styles.css">', () => `<style>\n${css}\n</style>`);
    const entry = html.match(/<script type="module" src="(js\/[^"]+\.js)"><\/script>/)?.[1];
    if (entry) {
      const links = staticClosure(metafile, out, entry).map((href) => `<link rel="modulepreload" href="${href}">`).join("\n  ");
      html = html.replace("<!-- modulepreload -->", links);
    }
    writeFileSync(file, html);
  }
}

/** The entry and every chunk reachable through static imports (dynamic imports stay lazy), as page-relative URLs. */
function staticClosure(metafile, out, entry) {
  const key = (href) => Object.keys(metafile.outputs).find((k) => k.replaceAll("\\", "/").endsWith(`/${href}`));
  const start = key(entry);
  if (!start) throw new Error(`pages.mjs: ${entry} is not a build output`);
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of metafile.outputs[k].imports) if (i.kind === "import-statement") visit(i.path);
  };
  visit(start);
  return [...seen].map((k) => relative(out, k).replaceAll("\\", "/"));
}
