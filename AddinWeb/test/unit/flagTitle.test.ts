import assert from "node:assert/strict";
import { test } from "node:test";
import { setLanguage } from "../../src/i18n/strings";
import { flagTitle } from "../../src/logic/mapping";

test("a possible flag is titled as one to check, a certain one plainly", () => {
  setLanguage("da-DK");
  assert.equal(flagTitle("AccessToRecordsRequest", "Possible"), "Mulig aktindsigt – tjek");
  assert.equal(flagTitle("AccessToRecordsRequest", "Certain"), "Aktindsigt");
  assert.equal(flagTitle("Complaint", undefined), "Klage");
});

test("the self-service kind has a Danish name", () => {
  setLanguage("da-DK");
  assert.equal(flagTitle("SelfServiceExemptionRequest", "Possible"), "Mulig fritagelse for selvbetjening – tjek");
});
