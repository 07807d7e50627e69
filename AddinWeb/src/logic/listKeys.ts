/**
 * The dashboard list's keyboard model, as in a mail client: ↑/↓ (and Home/End) move the selection, Enter opens the
 * reply in the reading pane, one letter per action. Pure, so the tests drive it without a page.
 */
export type ListAction = "claim" | "handled" | "unhandle" | "screened" | "help";

export type ListCommand =
  | { kind: "select"; index: number }
  | { kind: "open" }
  | { kind: "action"; action: ListAction };

/** The letters, in the order the "Genveje" help lists them. Danish initials: Tag, Behandlet, Fortryd, Screenet. */
export const shortcutKeys: ReadonlyArray<{ key: string; action: ListAction }> = [
  { key: "t", action: "claim" },
  { key: "b", action: "handled" },
  { key: "f", action: "unhandle" },
  { key: "s", action: "screened" },
  { key: "?", action: "help" },
];

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/** What a key press means with `count` rows and `index` selected (-1: none); null when the list does not use it. */
export function listCommand(input: KeyInput, index: number, count: number): ListCommand | null {
  if (input.ctrlKey || input.altKey || input.metaKey) return null; // the browser's and Office's own shortcuts
  if (input.key === "ArrowDown" || input.key === "ArrowUp") {
    if (count === 0) return null;
    const step = input.key === "ArrowDown" ? 1 : -1;
    const next = index < 0 ? (step === 1 ? 0 : count - 1) : Math.min(count - 1, Math.max(0, index + step));
    return { kind: "select", index: next };
  }
  if (input.key === "Home" || input.key === "End") return count === 0 ? null : { kind: "select", index: input.key === "Home" ? 0 : count - 1 };
  if (input.key === "Enter") return index < 0 ? null : { kind: "open" };
  const shortcut = shortcutKeys.find((s) => s.key === input.key.toLowerCase());
  if (!shortcut) return null;
  return shortcut.action === "help" || index >= 0 ? { kind: "action", action: shortcut.action } : null;
}
