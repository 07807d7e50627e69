import assert from "node:assert/strict";
import { test } from "node:test";
import { cachedSuggestion, rememberSuggestion, suggestionKey, type KeyValueStore } from "../../src/logic/suggestionCache";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const request = { documentTitle: "Afgørelse", documentType: "Afgørelse", text: "Kære Emre\n\nDu har søgt om ombytning.", recipient: null };

test("the same document and content finds the suggestion shown last time", () => {
  const store = memoryStore();
  rememberSuggestion(store, suggestionKey("D-1", request), { recommendation: "WithoutReply" });
  assert.deepEqual(cachedSuggestion(store, suggestionKey("D-1", { ...request })), { recommendation: "WithoutReply" });
});

test("changed text, another document or another recipient finds nothing", () => {
  const store = memoryStore();
  rememberSuggestion(store, suggestionKey("D-1", request), { recommendation: "WithoutReply" });
  assert.equal(cachedSuggestion(store, suggestionKey("D-1", { ...request, text: request.text + " Svar venligst." })), null);
  assert.equal(cachedSuggestion(store, suggestionKey("D-2", request)), null);
  assert.equal(cachedSuggestion(store, suggestionKey("D-1", { ...request, recipient: { idType: "CPR", id: "0101901234" } })), null);
});

test("keeps the newest letters only, and a fresh suggestion replaces the old one", () => {
  const store = memoryStore();
  for (let i = 0; i < 5; i++) rememberSuggestion(store, `k${i}`, i, 3);
  assert.equal(cachedSuggestion(store, "k0"), null);
  assert.equal(cachedSuggestion(store, "k4"), 4);
  rememberSuggestion(store, "k2", 22, 3);
  assert.equal(cachedSuggestion(store, "k2"), 22);
  assert.equal((JSON.parse(store.data.get("smartpost.suggestions.v1")!) as unknown[]).length, 3);
});

test("broken or missing storage counts as no entry", () => {
  const store = memoryStore();
  store.data.set("smartpost.suggestions.v1", "{not json");
  assert.equal(cachedSuggestion(store, "k"), null);
  rememberSuggestion(store, "k", 1);
  assert.equal(cachedSuggestion(store, "k"), 1);
  assert.equal(cachedSuggestion(null, "k"), null);
  const full: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } };
  assert.doesNotThrow(() => rememberSuggestion(full, "k", 1));
});
