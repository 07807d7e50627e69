using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SmartPost.Api.Infrastructure;
using Swashbuckle.AspNetCore.Annotations;

namespace SmartPost.Api.Identity;

/// <summary>Who the API thinks the caller is: the task pane shows the teams and offers the rota to team leads.</summary>
[ApiController]
[Route("api/v1/me")]
public sealed class MeController(ITeamMembership membership, TeamAccess access) : ControllerBase
{
    /// <summary>The signed-in caseworker, their teams and whether membership is current.</summary>
    /// <response code="200">Caller, teams (from Entra groups in Production), team-lead flag.</response>
    [HttpGet]
    [SwaggerOperation(Summary = "Den indloggede sagsbehandler", Tags = ["Identity"],
        Description = "Any authenticated caseworker. Teams come from Entra ID groups via Microsoft Graph in Production "
            + "(X-Dev-Teams in Development); membership is Stale when Graph fails and the last known teams are used, Unavailable "
            + "when there are none. teamLead: the app role SmartPost.TeamLead (X-Dev-Roles in Development).")]
    [ProducesResponseType<MeResponse>(StatusCodes.Status200OK)]
    public async Task<MeResponse> Get(CancellationToken cancellationToken)
    {
        var result = await membership.GetMembershipAsync(User, cancellationToken);
        return new MeResponse(User.UserId(), User.Identity?.Name ?? User.FindFirstValue("name"), result.Teams,
            access.IsTeamLead(User), result.Freshness, result.FetchedAt);
    }
}

/// <param name="Membership">Current, Stale (Graph failing, last known teams used) or Unavailable (no teams).</param>
public sealed record MeResponse(
    string UserId, string? Name, IReadOnlyList<string> Teams, bool TeamLead, MembershipFreshness Membership, DateTimeOffset? MembershipFetchedAt)
{
    public static MeResponse Example => new("anna@fstyr.dk", "Anna Sørensen", ["team-helbred", "team-udland"], false,
        MembershipFreshness.Current, new DateTimeOffset(2026, 11, 23, 8, 2, 11, TimeSpan.Zero));
}
