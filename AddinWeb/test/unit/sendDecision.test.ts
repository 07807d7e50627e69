import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "../../src/api/client";
import type { Check, Suggestion } from "../../src/api/types";
import { setLanguage } from "../../src/i18n/strings";
import { decideOnFailure, decideOnSend, maxErrorMessageLength, suggestRequestForMail } from "../../src/logic/sendDecision";

setLanguage("da-DK");
const suggestion = (checks: Check[]): Suggestion => ({
  recommendation: "WithoutReply", material: "Afgørelse uden svarmulighed", category: "Decision", replyOption: "WithoutReply",
  conflict: false, complaintGuidanceFound: true, reasons: [], checks, evidence: [],
  matchedRule: { id: "decision", category: "Decision", name: "Afgørelse", guidelineLine: "Afgørelser (Klagevejledning og procedure)" },
});

// The guideline checks with the severities GuidanceChecks.cs gives them: each blocks the send (SoftBlock) with its reason.
const checks: Check[] = [
  { code: "MissingComplaintGuidance", severity: "Error", message: "Klagevejledning mangler: Afgørelse skal have en klagevejledning.", evidence: [], kind: null },
  { code: "ComplaintGuidanceInWithdrawal", severity: "Error", message: "Inddragelse af førerretten må ikke have en klagevejledning.", evidence: [], kind: null },
  { code: "ChosenOptionContradictsSuggestion", severity: "Warning", message: "Du har valgt med svarmulighed, men retningslinjen foreslår uden svarmulighed.", evidence: [], kind: null },
  { code: "QuestionWithoutReplyOption", severity: "Error", message: "Brevet stiller et spørgsmål, men sendes uden svarmulighed.", evidence: [], kind: null },
  { code: "RecipientExempt", severity: "Warning", message: "Modtageren er fritaget for Digital Post: send fysisk post.", evidence: [], kind: null },
];
for (const check of checks) {
  test(`the ${check.code} check blocks the send with its reason`, () => {
    const decision = decideOnSend(suggestion([check]));
    assert.equal(decision.allowEvent, false);
    assert.match(decision.errorMessage ?? "", /strider mod vejledningen/);
    assert.ok(decision.errorMessage?.includes(check.message ?? ""));
  });
}

test("a mail without checks is sent without a message", () => {
  assert.deepEqual(decideOnSend(suggestion([])), { allowEvent: true });
});

test("informational checks do not stop the send", () => {
  assert.equal(decideOnSend(suggestion([{ code: "RecipientExempt", severity: "Info", message: "Særlov: digital post er obligatorisk.", evidence: [], kind: null }])).allowEvent, true);
});

test("an unknown register status does not stop the send", () => {
  assert.equal(decideOnSend(suggestion([{ code: "RecipientStatusUnknown", severity: "Warning", message: "Registret svarede ikke.", evidence: [], kind: null }])).allowEvent, true);
});

test("a physical-mail choice is not sent to the suggest endpoint as chosenOption", () => {
  const request = suggestRequestForMail({ subject: "s", bodyText: "b", chosenOption: "PhysicalMail", recipient: null });
  assert.equal(request.chosenOption, null);
});

test("the alert text stays within Outlook's 500 characters", () => {
  const long = Array.from({ length: 20 }, (_, i) => ({ code: `C${i}`, severity: "Error" as const, message: "x".repeat(60), evidence: [], kind: null }));
  assert.ok((decideOnSend(suggestion(long)).errorMessage ?? "").length <= maxErrorMessageLength);
});

test("an API timeout lets the mail go and says why", () => {
  const decision = decideOnFailure(new ApiError(0, { title: "timeout" }), 3);
  assert.equal(decision.allowEvent, true);
  assert.match(decision.errorMessage ?? "", /inden for 3 sekunder/);
});

test("an API error lets the mail go and names the status", () => {
  const decision = decideOnFailure(new ApiError(503, { title: "down" }), 3);
  assert.equal(decision.allowEvent, true);
  assert.match(decision.errorMessage ?? "", /HTTP 503/);
});

test("English display languages get the English alert", () => {
  setLanguage("en-US");
  assert.match(decideOnSend(suggestion([checks[0]!])).errorMessage ?? "", /contradicts the guideline/);
  setLanguage("da-DK");
});
