import assert from "node:assert/strict";
import { test } from "node:test";
import type { Flag, ReplyListItem } from "../../src/api/types";
import { highlightSegments } from "../../src/logic/highlight";
import { listCommand } from "../../src/logic/listKeys";
import { defaultSort, handledSort, nextSort, sortReplies } from "../../src/logic/replyList";
import { shortWhen } from "../../src/logic/replyState";
import { urgencyOf, workingDaysBetween } from "../../src/logic/urgency";

const reply = (id: number, over: Partial<ReplyListItem> = {}): ReplyListItem => ({
  id, team: "team-helbred", caseNumber: null, receivedAt: "2026-12-01T08:00:00Z", subject: null, dueDate: null,
  needsManualScreening: false, screened: null, claim: null, handled: null, eTag: `"${id}-1"`,
  sender: { idType: "CPR", id: "010190-****" }, flags: [], routing: "GivenTeam", routingReason: "", ...over,
});
const ids = (rows: ReplyListItem[]): number[] => rows.map((r) => r.id);
// Friday 4 December 2026, 10:00 in Copenhagen.
const friday = new Date("2026-12-04T09:00:00Z");

test("the default order is the API's: rows keep the order they came in", () => {
  const rows = [reply(3, { dueDate: "2026-12-01" }), reply(1, { dueDate: "2026-12-09" }), reply(2)];
  assert.deepEqual(ids(sortReplies(rows, defaultSort)), [3, 1, 2]);
});

test("sorting by received puts the newest first, and a second click the oldest first", () => {
  const rows = [reply(1, { receivedAt: "2026-12-01T08:00:00Z" }), reply(2, { receivedAt: "2026-12-03T08:00:00Z" }), reply(3, { receivedAt: "2026-12-02T08:00:00Z" })];
  const newest = nextSort(defaultSort, "received");
  assert.deepEqual(ids(sortReplies(rows, newest)), [2, 3, 1]);
  assert.deepEqual(ids(sortReplies(rows, nextSort(newest, "received"))), [1, 3, 2]);
});

test("handled and received times sort as time although the API drops trailing zeros of the fraction", () => {
  // .5 s is later than .12 s: as text and as numbers ("5" < "12") the raw strings say otherwise.
  const handled = (at: string) => ({ handled: { by: "bo", at } });
  const rows = [reply(1, handled("2026-12-06T17:40:01.12Z")), reply(2, handled("2026-12-06T17:40:01.5Z")), reply(3, handled("2026-12-06T17:40:01.3456789Z"))];
  assert.deepEqual(ids(sortReplies(rows, handledSort)), [2, 3, 1], "newest handled first");
  const received = [reply(1, { receivedAt: "2026-12-06T17:40:01.9Z" }), reply(2, { receivedAt: "2026-12-06T17:40:01.10Z" })];
  assert.deepEqual(ids(sortReplies(received, nextSort(defaultSort, "received"))), [1, 2], "newest received first");
});

test("rows without a value sort last in both directions and case numbers compare as numbers", () => {
  const rows = [reply(1, { caseNumber: "FS-2026-10" }), reply(2), reply(3, { caseNumber: "FS-2026-9" })];
  const asc = nextSort(defaultSort, "case");
  assert.deepEqual(ids(sortReplies(rows, asc)), [3, 1, 2]);
  assert.deepEqual(ids(sortReplies(rows, nextSort(asc, "case"))), [1, 3, 2]);
});

test("sorting by holder uses the claim's holder, then who handled it, Danish letters in Danish order", () => {
  const claim = (by: string) => ({ by, since: "2026-12-01T08:00:00Z", expiresAt: "2026-12-01T12:00:00Z" });
  const rows = [reply(1, { claim: claim("åse") }), reply(2, { handled: { by: "bo", at: "2026-12-01T09:00:00Z" } }), reply(3, { claim: claim("ølund") }), reply(4)];
  assert.deepEqual(ids(sortReplies(rows, nextSort(defaultSort, "holder"))), [2, 3, 1, 4]);
});

test("a due date before today is overdue, within 2 working days soon, later after that", () => {
  assert.equal(urgencyOf("2026-12-03", friday), "overdue");
  assert.equal(urgencyOf("2026-12-04", friday), "soon", "due today");
  // Friday → Tuesday is 2 working days (Monday, Tuesday): the weekend does not count.
  assert.equal(urgencyOf("2026-12-08", friday), "soon");
  assert.equal(urgencyOf("2026-12-09", friday), "later");
  assert.equal(urgencyOf(null, friday), "none");
});

test("Danish public holidays are not working days: Easter and Christmas stretch the soon window", () => {
  // Easter 2026: skærtorsdag 2 April, langfredag 3 April, 2. påskedag 6 April; Tuesday 7 April is the first working day.
  assert.equal(workingDaysBetween("2026-04-01", "2026-04-07"), 1);
  assert.equal(urgencyOf("2026-04-08", new Date("2026-04-01T10:00:00Z")), "soon");
  assert.equal(urgencyOf("2026-04-09", new Date("2026-04-01T10:00:00Z")), "later");
  // 24 December 2026 (Thursday): 25th is a holiday, 26th–27th a weekend; Monday 28th is the first working day.
  assert.equal(workingDaysBetween("2026-12-24", "2026-12-29"), 2);
});

test("today is the Danish date, not the machine's: 23:30 UTC on 3 December is already 4 December in Copenhagen", () => {
  assert.equal(urgencyOf("2026-12-03", new Date("2026-12-03T23:30:00Z")), "overdue");
});

test("arrow keys move the selection and stop at the ends; with nothing selected they start at an end", () => {
  assert.deepEqual(listCommand({ key: "ArrowDown" }, -1, 3), { kind: "select", index: 0 });
  assert.deepEqual(listCommand({ key: "ArrowUp" }, -1, 3), { kind: "select", index: 2 });
  assert.deepEqual(listCommand({ key: "ArrowDown" }, 1, 3), { kind: "select", index: 2 });
  assert.deepEqual(listCommand({ key: "ArrowDown" }, 2, 3), { kind: "select", index: 2 });
  assert.deepEqual(listCommand({ key: "ArrowUp" }, 0, 3), { kind: "select", index: 0 });
  assert.deepEqual(listCommand({ key: "End" }, 0, 3), { kind: "select", index: 2 });
  assert.equal(listCommand({ key: "ArrowDown" }, -1, 0), null);
});

test("Enter opens and the letters act on the selected reply; nothing acts without a selection", () => {
  assert.deepEqual(listCommand({ key: "Enter" }, 1, 3), { kind: "open" });
  assert.equal(listCommand({ key: "Enter" }, -1, 3), null);
  assert.deepEqual(listCommand({ key: "b" }, 0, 3), { kind: "action", action: "handled" });
  assert.deepEqual(listCommand({ key: "T" }, 0, 3), { kind: "action", action: "claim" });
  assert.deepEqual(listCommand({ key: "f" }, 0, 3), { kind: "action", action: "unhandle" });
  assert.deepEqual(listCommand({ key: "s" }, 0, 3), { kind: "action", action: "screened" });
  assert.equal(listCommand({ key: "b" }, -1, 3), null);
  assert.deepEqual(listCommand({ key: "?" }, -1, 3), { kind: "action", action: "help" });
});

test("keys with Ctrl, Alt or Cmd belong to the browser and Office", () => {
  assert.equal(listCommand({ key: "b", ctrlKey: true }, 0, 3), null);
  assert.equal(listCommand({ key: "ArrowDown", altKey: true }, 0, 3), null);
  assert.equal(listCommand({ key: "x" }, 0, 3), null);
});

const flag = (kind: string, evidence: Array<[number, number, string?]>, certainty: "Certain" | "Possible" = "Certain"): Flag => ({
  kind, subKind: null, dueDate: null, rule: "", deadlines: [], inTime: null, certainty,
  evidence: evidence.map(([start, length, field]) => ({ text: "", start, length, field: field ?? "text" })),
});

test("evidence in the text is cut out as marks with their finding; subject evidence and bad offsets are ignored", () => {
  const text = "Jeg vil have aktindsigt og klager over afgørelsen.";
  const segments = highlightSegments(text, [
    flag("AccessToRecordsRequest", [[13, 10], [0, 5, "subject"], [45, 99]]),
    flag("Complaint", [[27, 6]], "Possible"),
  ]);
  assert.deepEqual(segments.map((s) => [s.text, s.kind, s.possible]), [
    ["Jeg vil have ", null, false],
    ["aktindsigt", "AccessToRecordsRequest", false],
    [" og ", null, false],
    ["klager", "Complaint", true],
    [" over afgørelsen.", null, false],
  ]);
  assert.equal(segments.map((s) => s.text).join(""), text, "nothing of the text is lost");
});

test("overlapping evidence is shown once, in the first mark", () => {
  const segments = highlightSegments("aktindsigt i sagen", [flag("AccessToRecordsRequest", [[0, 10]]), flag("Complaint", [[3, 5]])]);
  assert.deepEqual(segments.map((s) => s.text), ["aktindsigt", " i sagen"]);
});

test("the Behandlet view keeps the newest handled first; a click on its column turns it around", () => {
  const handled = (at: string) => ({ handled: { by: "cw-anna", at } });
  const rows = [reply(1, handled("2026-12-04T09:00:00Z")), reply(2, handled("2026-12-04T11:00:00Z")), reply(3, handled("2026-12-04T10:00:00Z"))];
  assert.deepEqual(ids(sortReplies(rows, handledSort)), [2, 3, 1]);
  assert.deepEqual(ids(sortReplies(rows, nextSort(handledSort, "handled"))), [1, 3, 2]);
});

test("a dense list says when in Danish time, short: the year only when it is not this year's", () => {
  assert.equal(shortWhen("2026-12-04T08:14:00Z", friday), "4. dec. 09.14");
  assert.equal(shortWhen("2026-07-01T08:14:00Z", friday), "1. jul. 10.14", "summer time");
  assert.equal(shortWhen("2025-12-31T23:30:00Z", friday), "1. jan. 00.30", "already the new year in Copenhagen");
  assert.equal(shortWhen("2025-11-30T12:00:00Z", friday), "30. nov. 2025 13.00");
});
