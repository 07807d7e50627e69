import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "../../src/api/client";
import type { Check, Suggestion } from "../../src/api/types";
import { setLanguage } from "../../src/i18n/strings";
import { decideOnFailure, decideOnSend, maxErrorMessageLength } from "../../src/logic/sendDecision";

setLanguage("da-DK");
const suggestion = (checks: Check[]): Suggestion => ({ recommendation: "WithoutReply", category: "Decision", conflict: false, reasons: [], checks, evidence: [] });

// The guideline checks (issue 2): each blocks the send (SoftBlock) with its Danish reason.
const checks: Check[] = [
  { code: "MissingComplaintGuidance", severity: "Error", message: "Afgørelsen mangler klagevejledning." },
  { code: "ComplaintGuidanceInWithdrawal", severity: "Warning", message: "Inddragelse af førerretten kan ikke påklages: fjern klagevejledningen." },
  { code: "ChosenOptionContradictsSuggestion", severity: "Warning", message: "Brevet er en afgørelse og sendes med svarmulighed." },
  { code: "ReplyExpectedButWithoutReply", severity: "Error", message: "Brevet stiller et spørgsmål, men sendes uden svarmulighed." },
  { code: "RecipientExempt", severity: "Error", message: "Modtageren er fritaget for Digital Post: send fysisk post." },
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
  assert.equal(decideOnSend(suggestion([{ code: "Note", severity: "Info", message: "Bemærk" }])).allowEvent, true);
});

test("the alert text stays within Outlook's 500 characters", () => {
  const long = Array.from({ length: 20 }, (_, i) => ({ code: `C${i}`, severity: "Error", message: "x".repeat(60) }));
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
