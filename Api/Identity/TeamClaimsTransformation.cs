using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure;

namespace SmartPost.Api.Identity;

/// <summary>
/// Production: adds the Graph-derived teams as <see cref="CaseworkerClaims.Team"/> claims, so code that reads
/// <c>User.Teams()</c> sees the same teams as <see cref="ITeamMembership"/> (which is cached, so this is cheap).
/// </summary>
public sealed class TeamClaimsTransformation(ITeamMembership membership, IOptions<EntraIdOptions> entra) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // Tokens without our scope are refused (403) anyway: do not spend a Graph call on them.
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || principal.HasClaim(c => c.Type == CaseworkerClaims.Team)
            || !EntraIdAuthentication.HasScope(principal, entra.Value.Scope))
        {
            return principal;
        }

        var teams = await membership.GetTeamsAsync(principal);
        var copy = identity.Clone();
        copy.AddClaims(teams.Select(team => new Claim(CaseworkerClaims.Team, team)));
        return new ClaimsPrincipal(copy);
    }
}
