// npm test: unit tests (node:test + tsx, office-addin-mock) then browser end-to-end tests (Chromium, real API).
// Ends with one line "addin: N passed, N failed" that test.sh adds up.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const files = (dir) => readdirSync(dir).filter((f) => f.endsWith(".test.ts")).map((f) => `${dir}/${f}`);

const suites = [
  ["unit", ["--import", "tsx", "--test", "--test-reporter=spec", ...files("test/unit")]],
  ["e2e", ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=1", ...files("test/e2e")]],
];
let passed = 0;
let failed = 0;
for (const [name, args] of suites) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: process.env });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  const count = (label) => Number(run.stdout.match(new RegExp(`^ℹ ${label} (\\d+)$`, "m"))?.[1] ?? 0);
  const p = count("pass");
  const f = count("fail") + (run.status !== 0 && count("fail") === 0 ? 1 : 0);
  passed += p;
  failed += f;
}
console.log(`addin: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
