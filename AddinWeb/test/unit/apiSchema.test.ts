// src/api/schema.d.ts must be exactly what `npm run gen:types` makes of src/api/openapi.json (the API's Swagger
// document, itself checked against the running app by OpenApiSnapshotTests in tests/Api.Tests).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";

test("schema.d.ts is what openapi-typescript generates from openapi.json", () => {
  const script: string = JSON.parse(readFileSync("package.json", "utf8")).scripts["gen:types"];
  const [command, ...args] = script.split(" ");
  assert.equal(command, "openapi-typescript");
  const run = spawnSync(process.execPath, ["node_modules/openapi-typescript/bin/cli.js", ...args, "--check"], { encoding: "utf8" });
  assert.equal(run.status, 0,
    `src/api/schema.d.ts is stale or edited by hand. Run ./scripts/update-openapi.sh (or npm run gen:types) and commit it.\n${run.stderr}`);
});
