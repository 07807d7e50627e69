// npm run size: gzip size per pane = its entry + every chunk it imports statically (what loads before the pane
// shows anything), without office.js (CDN) and without lazily imported chunks (MSAL, loaded only for sign-in).
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = process.env.ADDIN_OUT ?? join(root, "..", "Api", "wwwroot", "addin");
if (!existsSync(join(out, "js"))) throw new Error(`No build in ${out}: run npm run build first.`);

const gz = (file) => gzipSync(readFileSync(file)).length;
const staticImports = (file) => [...readFileSync(file, "utf8").matchAll(/(?:import|export)\s*(?:[^"'()]*?from\s*)?["'](\.[^"']+)["']/g)].map((m) => resolve(dirname(file), m[1]));
const dynamicImports = (file) => [...readFileSync(file, "utf8").matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)].map((m) => resolve(dirname(file), m[1]));

function closure(entry) {
  const seen = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    staticImports(file).forEach(visit);
    dynamicImports(file).forEach((f) => lazy.add(f));
  };
  visit(entry);
  return { files: [...seen], lazy: [...lazy].filter((f) => !seen.has(f)) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [];
for (const pane of ["word", "outlook", "dashboard"]) {
  const { files, lazy } = closure(join(out, "js", `${pane}.js`));
  const total = files.reduce((sum, f) => sum + gz(f), 0);
  const everything = new Set(files);
  const pending = [...lazy];
  while (pending.length) {
    const next = closure(pending.pop());
    next.files.forEach((f) => everything.add(f));
    next.lazy.filter((f) => !everything.has(f)).forEach((f) => pending.push(f));
  }
  const lazyTotal = [...everything].filter((f) => !files.includes(f)).reduce((sum, f) => sum + gz(f), 0);
  rows.push([`${pane} pane`, kb(total), `${files.length} files`, `lazy (sign-in only): ${kb(lazyTotal)}`]);
}
rows.push(["send handler", kb(gz(join(out, "send", "onMessageSend.js"))), "1 file", ""]);
for (const row of rows) console.log(row.map((c, i) => String(c).padEnd(i === 0 ? 14 : 10)).join("  "));
const limit = 100 * 1024;
const over = rows.filter((r) => parseFloat(r[1]) * 1024 > limit);
console.log(over.length ? `OVER the 100 KB gzip budget: ${over.map((r) => r[0]).join(", ")}` : "all panes within the 100 KB gzip budget (office.js excluded)");
