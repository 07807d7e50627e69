import assert from "node:assert/strict";
import { test } from "node:test";
import { readLetter, writeHandled, writeReplyOption } from "../../src/word/document";
import { highlightEvidence, insertComplaintGuidance } from "../../src/word/complaintGuidance";
import { selectEvidence } from "../../src/word/evidence";
import { mockWord } from "./wordMock";

test("reading the document gives title, body text, WorkZone ids and our properties", async () => {
  mockWord({ title: "Afgørelse om kørekort", text: "Du har ret til at klage.", properties: { Sagsnummer: "2026-0042", SmartPostSvarmulighed: "Uden" } });
  const letter = await readLetter();
  assert.equal(letter.title, "Afgørelse om kørekort");
  assert.equal(letter.text, "Du har ret til at klage.");
  assert.equal(letter.caseNumber, "2026-0042");
  assert.equal(letter.documentId, null);
  assert.equal(letter.properties["SmartPostSvarmulighed"], "Uden");
});

test("a document without a title is named by its first line", async () => {
  mockWord({ title: "", text: "\nIndkaldelse til køreprøve\nDu indkaldes …" });
  assert.equal((await readLetter()).title, "Indkaldelse til køreprøve");
});

test("choosing an option writes SmartPostSvarmulighed as Med/Uden/Fysisk", async () => {
  const { properties } = mockWord({ title: "x", text: "y" });
  await writeReplyOption("Med");
  assert.equal(properties["SmartPostSvarmulighed"]?.value, "Med");
  await writeReplyOption("Fysisk");
  assert.equal(properties["SmartPostSvarmulighed"]?.value, "Fysisk");
});

test("marking handled writes SmartPostBehandlet true with date and user", async () => {
  const { properties } = mockWord({ title: "x", text: "y" });
  await writeHandled("cw-anna", new Date("2026-11-20T09:00:00Z"));
  assert.equal(properties["SmartPostBehandlet"]?.value, "true");
  assert.equal(properties["SmartPostBehandletDato"]?.value, "2026-11-20T09:00:00.000Z");
  assert.equal(properties["SmartPostBehandletAf"]?.value, "cw-anna");
});

test("evidence found in the body is selected; missing evidence is reported, not selected", async () => {
  const { selected } = mockWord({ title: "x", text: "Vi beder dig indsende dokumentation senest 1. december." });
  assert.equal(await selectEvidence("indsende  dokumentation"), true);
  assert.deepEqual(selected, ["indsende dokumentation"]);
  assert.equal(await selectEvidence("klagevejledning"), false);
  assert.equal(selected.length, 1);
});

test("inserting the klagevejledning appends each paragraph at the end, the heading in bold", async () => {
  const { inserted } = mockWord({ title: "Afgørelse", text: "Vi giver dig afslag." });
  await insertComplaintGuidance(["Klagevejledning", "Du kan klage over afgørelsen til Trafikstyrelsen inden 4 uger."]);
  assert.deepEqual(inserted.map((p) => [p.text, p.location, p.bold]), [
    ["Klagevejledning", "End", true],
    ["Du kan klage over afgørelsen til Trafikstyrelsen inden 4 uger.", "End", false],
  ]);
});

test("highlighting evidence marks every sentence found, selects the first and counts only what was found", async () => {
  const text = "Din førerret er inddraget.\nKlagevejledning\nDu kan klage til Trafikstyrelsen inden 4 uger.";
  const { highlighted, selected } = mockWord({ title: "Inddragelse", text });
  const found = await highlightEvidence(["Klagevejledning\nDu kan klage til Trafikstyrelsen inden 4 uger.", "Denne sætning står der ikke"]);
  assert.equal(found, 2);
  assert.deepEqual(highlighted, ["Klagevejledning:Yellow", "Du kan klage til Trafikstyrelsen inden 4 uger.:Yellow"]);
  assert.deepEqual(selected, ["Klagevejledning"]);
});
