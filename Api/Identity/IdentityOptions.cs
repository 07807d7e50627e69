namespace SmartPost.Api.Identity;

/// <summary>How Entra ID maps onto SmartPost teams, and how Microsoft Graph is reached (<c>Identity</c>).</summary>
public sealed class TeamIdentityOptions
{
    public const string Section = "Identity";

    /// <summary>Entra group object id → SmartPost team (e.g. "6f1c…" → "team-a"). Unmapped groups give no team.</summary>
    public Dictionary<string, string> GroupTeams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>App role (the token's <c>roles</c> claim) that makes a member the lead of their teams.</summary>
    public string TeamLeadRole { get; set; } = "SmartPost.TeamLead";

    /// <summary>Microsoft Graph base URL including the version segment.</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Scopes requested in the on-behalf-of exchange (the delegated permissions are consented in Entra ID).</summary>
    public string[] GraphScopes { get; set; } = ["https://graph.microsoft.com/.default"];

    /// <summary>Graph's 429/503/504 retries (honouring Retry-After).</summary>
    public int GraphMaxRetries { get; set; } = 3;

    /// <summary>How long a caseworker's Graph membership is trusted without asking again.</summary>
    public TimeSpan MembershipCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>While Graph is failing, the last known membership is used this long after it was fetched; then nothing.</summary>
    public TimeSpan MembershipStaleLimit { get; set; } = TimeSpan.FromHours(1);
}
