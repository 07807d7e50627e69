import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "../../src/api/client";
import { setLanguage } from "../../src/i18n/strings";
import { actionErrorMessage } from "../../src/logic/replyState";

test("a refused take-over and a missing reason show the API's Danish words, not a generic line", () => {
  setLanguage("da-DK");
  const forbidden = new ApiError(403, { status: 403, title: "Ingen adgang", detail: "Kun teamlederen eller dagens postkassevagt kan overtage et svar, som en kollega har taget." });
  assert.equal(actionErrorMessage(forbidden), "Kun teamlederen eller dagens postkassevagt kan overtage et svar, som en kollega har taget.");
  const invalid = new ApiError(400, { status: 400, title: "One or more validation errors occurred.", errors: { reason: ["Skriv hvorfor du overtager svaret."] } });
  assert.equal(actionErrorMessage(invalid), "Skriv hvorfor du overtager svaret.");
});

test("in English the pane keeps its own words for a refusal", () => {
  setLanguage("en-US");
  try {
    assert.equal(actionErrorMessage(new ApiError(403, { status: 403, detail: "Kun teamets sagsbehandlere har adgang." })), "No access: the reply belongs to another team.");
  } finally {
    setLanguage("da-DK");
  }
});
