/**
 * The last suggestions shown, keyed by the document and a hash of exactly what was sent for it (title, type, text,
 * recipient): reopening the pane on an unchanged letter shows the previous suggestion at once, while the fresh one
 * is computed and then replaces it. Kept in the browser's localStorage (the task pane's own origin), at most
 * `limit` letters, newest first; anything unreadable counts as no entry. A suggestion holds short phrases of the
 * letter (its evidence), which is already open on this machine.
 */
export interface StoredValue<T> { key: string; value: T }

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const storageKey = "smartpost.suggestions.v1";

export function suggestionKey(documentId: string | null, request: unknown): string {
  const body = JSON.stringify(request);
  return `${documentId ?? "untitled"}:${body.length}:${fnv1a(body)}`;
}

export function cachedSuggestion<T>(store: KeyValueStore | null, key: string): T | null {
  return entries<T>(store).find((e) => e.key === key)?.value ?? null;
}

export function rememberSuggestion<T>(store: KeyValueStore | null, key: string, value: T, limit = 20): void {
  if (!store) return;
  const kept = [{ key, value }, ...entries<T>(store).filter((e) => e.key !== key)].slice(0, limit);
  try {
    store.setItem(storageKey, JSON.stringify(kept));
  } catch {
    // Full or forbidden storage: the pane works without the shortcut.
  }
}

function entries<T>(store: KeyValueStore | null): StoredValue<T>[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(storageKey) ?? "[]");
    return Array.isArray(parsed) ? (parsed as StoredValue<T>[]).filter((e) => typeof e?.key === "string") : [];
  } catch {
    return [];
  }
}

/** 32-bit FNV-1a over UTF-16 code units, as hex: cheap for a 5,000-character letter, and the length is in the key too. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}
