using System.Security.Claims;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Which teams a caseworker belongs to. The seam between authorization checks (replies, inbox, searches)
/// and where membership comes from: dev-header claims in Development, Microsoft Graph group membership otherwise.
/// </summary>
public interface ITeamMembership
{
    Task<IReadOnlyList<string>> GetTeamsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>Membership with how fresh it is (Graph may be down; see <see cref="MembershipFreshness"/>).</summary>
    async Task<TeamMembershipResult> GetMembershipAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        new(await GetTeamsAsync(user, cancellationToken), MembershipFreshness.Current, null);

    /// <summary>True only for a member of <paramref name="team"/>; never true when membership is unknown.</summary>
    async Task<bool> IsMemberAsync(ClaimsPrincipal user, string team, CancellationToken cancellationToken = default) =>
        (await GetTeamsAsync(user, cancellationToken)).Contains(team, StringComparer.Ordinal);
}

/// <summary>
/// Current: just asked (or within the cache lifetime). Stale: the source is failing and the last known answer is
/// used within a bounded time. Unavailable: no answer at all, so no teams (never fail open).
/// </summary>
public enum MembershipFreshness { Current, Stale, Unavailable }

public sealed record TeamMembershipResult(IReadOnlyList<string> Teams, MembershipFreshness Freshness, DateTimeOffset? FetchedAt);

/// <summary>Membership straight from the caller's claims (X-Dev-Teams in Development).</summary>
public sealed class ClaimsTeamMembership : ITeamMembership
{
    public Task<IReadOnlyList<string>> GetTeamsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        Task.FromResult(user.Teams());
}
