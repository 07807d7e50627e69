import assert from "node:assert/strict";
import { test } from "node:test";
import { replyByFromLetter } from "../../src/logic/replyBy";

const today = new Date(2026, 11, 6); // 6 December 2026

test("a written-out deadline becomes replyBy", () => {
  assert.equal(replyByFromLetter("Send lægeerklæringen senest den 15. december 2026.", today), "2026-12-15");
  assert.equal(replyByFromLetter("Svar os senest 3. Januar 2027, tak.", today), "2027-01-03");
});

test("a numeric deadline becomes replyBy", () => {
  assert.equal(replyByFromLetter("Vi skal have dit svar senest den 8.1.2027.", today), "2027-01-08");
});

test("a deadline without a year is the next such date", () => {
  assert.equal(replyByFromLetter("senest den 20. december", today), "2026-12-20");
  assert.equal(replyByFromLetter("senest den 2. januar", today), "2027-01-02");
});

test("no deadline, an impossible date or a past one gives nothing", () => {
  assert.equal(replyByFromLetter("Du kan klage inden 4 uger.", today), null);
  assert.equal(replyByFromLetter("senest den 31. februar 2027", today), null);
  assert.equal(replyByFromLetter("senest den 1. december 2026", today), null);
});
