import { ApiClient } from "../api/client";
import { loadConfig, type DevIdentity, type PaneConfig } from "../auth/config";
import { paneHeaders } from "../auth/token";
import { setLanguage } from "../i18n/strings";
import { currentDevIdentity } from "./devIdentity";

/** What every pane needs: the API client, the deployment config and who the caseworker is. */
export interface PaneContext {
  api: ApiClient;
  config: PaneConfig;
  identity: () => DevIdentity;
}

/** Panes are served by the API itself (same origin), so the API base is the page origin. */
export async function createPaneContext(displayLanguage: string | undefined, configLoad?: Promise<PaneConfig>): Promise<PaneContext> {
  setLanguage(displayLanguage);
  const config = await (configLoad ?? loadConfig(location.origin));
  const api = new ApiClient(location.origin, paneHeaders(config, () => currentDevIdentity()));
  return { api, config, identity: currentDevIdentity };
}

export function officeDisplayLanguage(): string | undefined {
  return typeof Office !== "undefined" ? Office.context?.displayLanguage : navigator.language;
}
