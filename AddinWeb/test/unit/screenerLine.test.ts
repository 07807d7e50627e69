import assert from "node:assert/strict";
import { test } from "node:test";
import { setLanguage } from "../../src/i18n/strings";
import { screenerLine } from "../../src/logic/screenerLine";

const base = { person: "cw-dora", isSubstitute: false, reason: "cw-dora har postkassevagten i dag / is on screening duty.", scheduled: "cw-dora", because: null };

test("scheduled screener is named alone", () => {
  setLanguage("da-DK");
  assert.equal(screenerLine(base), "Dagens postkassevagt: cw-dora");
});

test("substitute names whom they stand in for and why", () => {
  setLanguage("da-DK");
  const line = screenerLine({ ...base, isSubstitute: true, scheduled: "cw-carl", because: "Fraværende 2026-11-23–2026-11-27 (Kursus) / absent in the rota." });
  assert.equal(line, "Dagens postkassevagt: cw-dora (afløser for cw-carl, fordi Fraværende 2026-11-23–2026-11-27 (Kursus) / absent in the rota)");
});

test("nobody available says so with the reason, in English for other display languages", () => {
  setLanguage("en-US");
  assert.equal(screenerLine({ ...base, person: null, reason: "Nobody on the rota is available." }), "Today's screener: nobody available (Nobody on the rota is available)");
  setLanguage("da-DK");
});

test("no rota shows no line", () => {
  assert.equal(screenerLine(null), null);
  assert.equal(screenerLine(undefined), null);
});
