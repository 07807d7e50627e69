import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDate } from "../../src/logic/mapping";
import { formatWhen } from "../../src/logic/replyState";

test("moments and dates read as Danish caseworkers write them, in Danish time", () => {
  assert.equal(formatWhen("2026-12-05T08:14:00Z"), "5. december 2026 kl. 09.14");
  assert.equal(formatWhen("2026-07-01T22:30:00Z"), "2. juli 2026 kl. 00.30");
  assert.equal(formatDate("2026-12-05"), "5. december 2026");
});
