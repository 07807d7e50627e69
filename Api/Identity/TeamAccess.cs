using System.Security.Claims;
using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure;

namespace SmartPost.Api.Identity;

/// <summary>Member of a team, and lead of it: the app role (<c>Identity:TeamLeadRole</c>) plus membership of that team.</summary>
public sealed class TeamAccess(ITeamMembership membership, IOptions<TeamIdentityOptions> options)
{
    public async Task<TeamRole> RoleInAsync(ClaimsPrincipal user, string team, CancellationToken cancellationToken)
    {
        var teams = await membership.GetTeamsAsync(user, cancellationToken);
        if (!teams.Contains(team, StringComparer.Ordinal)) return TeamRole.None;
        return IsTeamLead(user) ? TeamRole.Lead : TeamRole.Member;
    }

    public bool IsTeamLead(ClaimsPrincipal user) => user.IsInRole(options.Value.TeamLeadRole);
}

public enum TeamRole { None, Member, Lead }
