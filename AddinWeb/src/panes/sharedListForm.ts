import type { SavedSearch } from "../api/types";
import { t } from "../i18n/strings";
import { actionErrorMessage } from "../logic/replyState";
import type { PaneContext } from "./context";
import { el, setStatus } from "./dom";

/**
 * Create or edit a shared list ("delt liste"): a name, search words (comma-separated; "ord (variant, variant)"
 * is not needed — the API folds spelling), the responsible person and the substitute. Saved with POST (new) or PUT.
 */
export function sharedListForm(ctx: PaneContext, teamPath: () => string, onSaved: () => Promise<void>): {
  element: HTMLElement; edit(search: SavedSearch): void; remove(search: SavedSearch): Promise<void>;
} {
  let editing: SavedSearch | null = null;
  const name = el("input", { id: "list-name", type: "text", autocomplete: "off", required: true });
  const terms = el("input", { id: "list-terms", type: "text", autocomplete: "off", required: true, placeholder: "aktindsigt, klage" });
  const responsible = el("input", { id: "list-responsible", type: "text", autocomplete: "off" });
  const substitute = el("input", { id: "list-substitute", type: "text", autocomplete: "off" });
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", hidden: true, id: "list-status" });
  const submit = el("button", { type: "submit", class: "primary", id: "list-save" }, t("listCreate"));
  const field = (id: string, label: string, input: HTMLElement): HTMLElement =>
    el("div", { class: "field" }, el("label", { for: id }, label), input);

  const reset = (): void => {
    editing = null;
    form.reset();
    submit.textContent = t("listCreate");
  };

  const form = el("form", { id: "list-form", novalidate: true },
    field("list-name", t("listName"), name),
    field("list-terms", t("listTerms"), terms),
    field("list-responsible", t("listResponsible"), responsible),
    field("list-substitute", t("listSubstitute"), substitute),
    submit, status);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const words = terms.value.split(",").map((w) => w.trim()).filter((w) => w.length > 0);
    if (name.value.trim().length === 0 || words.length === 0) {
      setStatus(status, "error", t("listNeedsNameAndTerms"));
      return;
    }
    const body = {
      name: name.value.trim(), terms: words.map((term) => ({ term, variants: [] })), flag: editing?.flag ?? null,
      status: editing?.status ?? "unhandled", responsible: responsible.value.trim() || null, substitute: substitute.value.trim() || null,
    };
    void (async () => {
      try {
        if (editing) await ctx.api.request(`${teamPath()}/searches/${editing.id}`, { method: "PUT", body });
        else await ctx.api.request(`${teamPath()}/searches`, { method: "POST", body });
        setStatus(status, "success", t("listSaved", body.name));
        reset();
        await onSaved();
      } catch (error) {
        setStatus(status, "error", actionErrorMessage(error));
      }
    })();
  });

  return {
    element: el("details", { class: "list-editor", id: "list-editor" }, el("summary", {}, t("listNew")), form),
    edit(search: SavedSearch): void {
      editing = search;
      name.value = search.name;
      terms.value = search.terms.map((x) => x.term).join(", ");
      responsible.value = search.responsible ?? "";
      substitute.value = search.substitute ?? "";
      submit.textContent = t("listUpdate");
      (form.parentElement as HTMLDetailsElement | null)?.setAttribute("open", "");
      name.focus();
    },
    async remove(search: SavedSearch): Promise<void> {
      if (!confirm(t("listConfirmDelete", search.name))) return;
      try {
        await ctx.api.request(`${teamPath()}/searches/${search.id}`, { method: "DELETE" });
        setStatus(status, "success", t("listDeleted", search.name));
        await onSaved();
      } catch (error) {
        setStatus(status, "error", actionErrorMessage(error));
      }
    },
  };
}
