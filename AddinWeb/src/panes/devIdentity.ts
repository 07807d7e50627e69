import type { DevIdentity } from "../auth/config";
import { t } from "../i18n/strings";
import { el } from "./dom";

const storageKey = "smartpost.devIdentity";
const teamLeadRole = "SmartPost.TeamLead";
const defaultIdentity: DevIdentity = { user: "cw-anna", team: "team-helbred" };

export function currentDevIdentity(): DevIdentity {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored ? (JSON.parse(stored) as DevIdentity) : defaultIdentity;
  } catch {
    return defaultIdentity;
  }
}

/** The clearly marked Development identity picker; also shared with the send handler via OfficeRuntime.storage. */
export function devIdentityPicker(onChange: (identity: DevIdentity) => void): HTMLElement {
  const identity = currentDevIdentity();
  const user = el("input", { id: "dev-user", type: "text", value: identity.user, autocomplete: "off" });
  const team = el("input", { id: "dev-team", type: "text", value: identity.team, autocomplete: "off" });
  const lead = el("input", { id: "dev-lead", type: "checkbox", checked: identity.roles === teamLeadRole });
  const save = (): void => {
    const next: DevIdentity = { user: user.value.trim() || defaultIdentity.user, team: team.value.trim() || defaultIdentity.team };
    if (lead.checked) next.roles = teamLeadRole;
    localStorage.setItem(storageKey, JSON.stringify(next));
    const runtime = (globalThis as { OfficeRuntime?: { storage?: { setItem(k: string, v: string): Promise<void> } } }).OfficeRuntime;
    void runtime?.storage?.setItem(storageKey, JSON.stringify(next)).catch(() => undefined);
    summary.textContent = `⚠ ${t("devIdentity")}: ${next.user} / ${next.team}`;
    onChange(next);
  };
  user.addEventListener("change", save);
  team.addEventListener("change", save);
  lead.addEventListener("change", save);
  const summary = el("summary", {}, `⚠ ${t("devIdentity")}: ${identity.user} / ${identity.team}`);
  return el(
    "details",
    { class: "dev-identity" },
    summary,
    el("div", { class: "row" }, el("label", { for: "dev-user" }, t("devUser")), user),
    el("div", { class: "row" }, el("label", { for: "dev-team" }, t("devTeam")), team),
    el("div", { class: "row" }, lead, el("label", { for: "dev-lead" }, t("devTeamLead"))),
  );
}
