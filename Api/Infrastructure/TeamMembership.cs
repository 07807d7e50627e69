using System.Security.Claims;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Which teams a caseworker belongs to. The seam between authorization checks (replies, inbox, searches)
/// and where membership comes from: token/dev-header claims now, Microsoft Graph group membership later.
/// </summary>
public interface ITeamMembership
{
    Task<IReadOnlyList<string>> GetTeamsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

/// <summary>Membership straight from the caller's claims (X-Dev-Teams in Development).</summary>
public sealed class ClaimsTeamMembership : ITeamMembership
{
    public Task<IReadOnlyList<string>> GetTeamsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        Task.FromResult(user.Teams());
}
