import assert from "node:assert/strict";
import { test } from "node:test";
import { formatCpr, maskCpr } from "../../src/logic/cpr";

test("a CPR number keeps its birth date and hides its serial, with or without the dash", () => {
  assert.equal(maskCpr("0101901234"), "010190-****");
  assert.equal(maskCpr("010190-1234"), "010190-****");
});

test("something that is not ten digits is hidden entirely rather than shown in part", () => {
  assert.equal(maskCpr("01019012"), "**********");
  assert.equal(maskCpr(""), "**********");
});

test("the full number is written with the dash, as caseworkers write it", () => {
  assert.equal(formatCpr("0101901234"), "010190-1234");
  assert.equal(formatCpr("010190-1234"), "010190-1234");
});
