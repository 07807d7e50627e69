import type { PaneConfig } from "./config";

/**
 * Nested App Authentication (the recommended way, REFERENCE.md "Identity"): MSAL.js in the Office host's broker.
 * Loaded on demand so the Development panes and the JS budget do not carry MSAL.
 */
export async function acquireTokenWithNaa(config: PaneConfig): Promise<string> {
  const msal = await import("@azure/msal-browser");
  const app = await msal.createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: "https://login.microsoftonline.com/common" },
  });
  const scopes = [`api://${location.host}/${config.clientId}/access_as_user`];
  try {
    return (await app.acquireTokenSilent({ scopes })).accessToken;
  } catch {
    return (await app.acquireTokenPopup({ scopes })).accessToken;
  }
}
