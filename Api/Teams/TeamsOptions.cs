namespace SmartPost.Api.Teams;

/// <summary>Configuration section "Teams".</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>
    /// Teams that exist even before their first reply (e.g. "team-helbred"). A team is known when it is listed here,
    /// is Replies:DefaultTeam, or has replies; anything else is 404.
    /// </summary>
    public List<string> Known { get; set; } = [];
}
