import assert from "node:assert/strict";
import { test } from "node:test";
import type { Flag } from "../../src/api/types";
import { setLanguage } from "../../src/i18n/strings";
import { addableKinds, correctionActions, correctionLine, historyLine, isRejected, rejectLabel } from "../../src/logic/corrections";

const flag = (kind: string, extra: Partial<Flag> = {}): Flag =>
  ({ kind, subKind: null, evidence: [], dueDate: "2026-12-14", rule: "", deadlines: [], inTime: null, certainty: "Certain", ...extra });
const by = (verdict: "Confirmed" | "Rejected" | "Added") =>
  ({ verdict, by: "anne@fstyr.dk", byName: "Anne Hansen", at: "2026-12-05T08:14:00Z", note: null });

test("each kind has its own Danish reject button", () => {
  setLanguage("da-DK");
  assert.equal(rejectLabel("AccessToRecordsRequest"), "Ikke aktindsigt");
  assert.equal(rejectLabel("Complaint"), "Ikke en klage");
  assert.equal(rejectLabel("DeadlineExtensionRequest"), "Ikke fristforlængelse");
});

test("a corrected flag says who did what and when in Danish time", () => {
  setLanguage("da-DK");
  assert.equal(correctionLine(flag("AccessToRecordsRequest", { correction: by("Rejected") })), "Afvist af Anne Hansen 5. december 2026 kl. 09.14");
  assert.equal(correctionLine(flag("Complaint", { correction: by("Confirmed") })), "Bekræftet af Anne Hansen 5. december 2026 kl. 09.14");
  assert.equal(correctionLine(flag("Complaint")), null);
});

test("an uncorrected finding offers both buttons, a confirmed one only rejecting, a rejected one only confirming", () => {
  assert.deepEqual(correctionActions(flag("Complaint")), ["Confirmed", "Rejected"]);
  assert.deepEqual(correctionActions(flag("Complaint", { correction: by("Confirmed") })), ["Rejected"]);
  assert.deepEqual(correctionActions(flag("Complaint", { correction: by("Rejected") })), ["Confirmed"]);
  assert.deepEqual(correctionActions(flag("Complaint", { origin: "Caseworker", correction: by("Added") })), ["Rejected"]);
  assert.equal(isRejected(flag("Complaint", { correction: by("Rejected") })), true);
});

test("add finding offers the kinds not on the reply, and a hand-added kind once it was rejected", () => {
  const flags = [flag("AccessToRecordsRequest", { correction: by("Rejected") }), flag("Complaint", { origin: "Caseworker", correction: by("Rejected") })];
  assert.deepEqual(addableKinds(flags), ["Complaint", "DeadlineExtensionRequest", "SelfServiceExemptionRequest"]);
});

test("the history shows a correction as the API's Danish sentence and other events with a Danish label", () => {
  setLanguage("da-DK");
  assert.equal(historyLine({ at: "2026-12-05T08:14:00Z", actor: "anne", kind: "FindingCorrected", detail: "Rettet af Anne Hansen 5. december 2026 kl. 09.14: ikke aktindsigt." }),
    "Rettet af Anne Hansen 5. december 2026 kl. 09.14: ikke aktindsigt.");
  assert.equal(historyLine({ at: "2026-12-05T08:14:00Z", actor: "anne", kind: "Claimed", detail: null }), "Taget – anne, 5. december 2026 kl. 09.14");
  assert.equal(historyLine({ at: "2026-12-05T08:14:00Z", actor: "anne", kind: "SomethingNew", detail: "x" }), "SomethingNew – anne, 5. december 2026 kl. 09.14: x");
});

test("a take-over is the API's whole sentence; a receipt shows its Danish reason without the routing code", () => {
  setLanguage("da-DK");
  const takeOver = "Overtaget af cw-lise 5. december 2026 kl. 10.02 fra cw-bo, der havde taget svaret 5. december 2026 kl. 09.14. Begrundelse: Bo er syg";
  assert.equal(historyLine({ at: "2026-12-05T09:02:00Z", actor: "cw-lise", kind: "ClaimTakenOver", detail: takeOver }), takeOver);
  assert.equal(historyLine({ at: "2026-12-05T08:14:00Z", actor: "anne", kind: "Received", detail: "GivenTeam: Team angivet ved modtagelsen." }),
    "Modtaget – anne, 5. december 2026 kl. 09.14: Team angivet ved modtagelsen.");
});
