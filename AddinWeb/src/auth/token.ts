import type { HeaderSource } from "../api/client";
import { devHeaders, type DevIdentity, type PaneConfig } from "./config";

/** Legacy Office SSO; the fallback when NAA is not supported by the host (and the send handler's path). */
export async function acquireTokenWithOfficeSso(): Promise<string> {
  return Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
}

/**
 * The one place the panes get their credentials: the Development identity chosen in the UI, otherwise a bearer
 * token through Nested App Authentication, falling back to Office.auth.getAccessToken.
 */
export function paneHeaders(config: PaneConfig, devIdentity: () => DevIdentity | null): HeaderSource {
  let cached: { token: string; at: number } | null = null;
  return async () => {
    const dev = config.devIdentity ? devIdentity() : null;
    if (dev) return devHeaders(dev);
    if (!cached || Date.now() - cached.at > 5 * 60_000) {
      cached = { token: await bearerToken(config), at: Date.now() };
    }
    return { Authorization: `Bearer ${cached.token}` };
  };
}

async function bearerToken(config: PaneConfig): Promise<string> {
  if (config.clientId) {
    try {
      const { acquireTokenWithNaa } = await import("./naa");
      return await acquireTokenWithNaa(config);
    } catch {
      // NAA needs a current Office host (nestedAppAuth requirement); older hosts use legacy SSO.
    }
  }
  return acquireTokenWithOfficeSso();
}
