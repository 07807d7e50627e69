/** What the deployment tells the panes (served by the API at /addin/config.json). */
export interface PaneConfig {
  environment: string;
  /** Development only: the pane may send X-Dev-User/X-Dev-Teams instead of a token. */
  devIdentity: boolean;
  /** Entra ID application id for Nested App Authentication; empty until single sign-on is set up. */
  clientId: string;
}

/**
 * The pages preload config.json (`<link rel="preload" as="fetch">`); this fetch takes that response, so the config
 * is there before Office is ready. The endpoint sends no caching headers, so nothing stale is kept between loads.
 */
export async function loadConfig(baseUrl: string): Promise<PaneConfig> {
  const response = await fetch(`${baseUrl.replace(/\/$/, "")}/addin/config.json`);
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()) as PaneConfig;
}

export interface DevIdentity {
  user: string;
  team: string;
  /** App roles an Entra token would carry, e.g. "SmartPost.TeamLead" (the team lead's statistics). */
  roles?: string;
}

/** Headers the Development-only authentication handler reads; never sent outside Development. */
export function devHeaders(identity: DevIdentity): Record<string, string> {
  const headers: Record<string, string> = { "X-Dev-User": identity.user, "X-Dev-Teams": identity.team };
  if (identity.roles) headers["X-Dev-Roles"] = identity.roles;
  return headers;
}
