using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Identity;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using Swashbuckle.AspNetCore.Annotations;

namespace SmartPost.Api.Teams;

/// <summary>The team's screening rota ("postkassevagt"): members read it, team leads change it.</summary>
[ApiController]
[Route("api/v1/teams/{team}/rota")]
public sealed class RotaController(AppDb db, TeamAccess access, TimeProvider clock) : ControllerBase
{
    /// <summary>Who screens on which weekday, the substitutes in order, and planned absences.</summary>
    /// <response code="200">The rota.</response>
    /// <response code="403">The caller is not a member of the team.</response>
    /// <response code="404">The team has no rota yet.</response>
    [HttpGet]
    [SwaggerOperation(Summary = "Teamets vagtplan", Tags = ["Teams"],
        Description = "Weekday → responsible caseworker, substitutes in order, planned absences. Any member of the team "
            + "(403 for others); 404 when the team has no rota yet.")]
    [ProducesResponseType<RotaResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(string team, CancellationToken cancellationToken)
    {
        if (await access.RoleInAsync(User, team, cancellationToken) == TeamRole.None) return NotMemberProblem(this);
        var rota = await RotaQueries.LoadAsync(db, team, cancellationToken);
        return rota is null ? NoRotaProblem(this, team) : Ok(RotaResponse.From(rota));
    }

    /// <summary>Replaces the rota. Team leads only (app role SmartPost.TeamLead and member of the team).</summary>
    /// <response code="200">The stored rota.</response>
    /// <response code="400">Invalid rota; 'errors' names the fields.</response>
    /// <response code="403">Not a member of the team, or not a team lead.</response>
    [HttpPut]
    [SwaggerOperation(Summary = "Gem teamets vagtplan", Tags = ["Teams"],
        Description = "Replaces the whole rota in one transaction. Team leads of the team only (app role SmartPost.TeamLead; "
            + "X-Dev-Roles in Development): 403 for members and non-members. 400 names the field: a weekday listed twice, "
            + "a substitute listed twice or unnamed, an absence ending before it starts, missing weekdays/substitutes.")]
    [ProducesResponseType<RotaResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public async Task<IActionResult> Put(string team, [FromBody] RotaRequest request, CancellationToken cancellationToken)
    {
        var role = await access.RoleInAsync(User, team, cancellationToken);
        if (role == TeamRole.None) return NotMemberProblem(this);
        if (role != TeamRole.Lead)
        {
            return Problem(statusCode: StatusCodes.Status403Forbidden, title: "Kun teamleder",
                detail: "Kun teamets leder kan ændre vagtplanen.");
        }

        // Replace in one transaction: the old rota goes only if the new one is stored.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<RotaWeekday>().Where(w => w.Team == team).ExecuteDeleteAsync(cancellationToken);
        await db.Set<RotaSubstitute>().Where(s => s.Team == team).ExecuteDeleteAsync(cancellationToken);
        await db.Set<RotaAbsence>().Where(a => a.Team == team).ExecuteDeleteAsync(cancellationToken);
        await db.Set<TeamRota>().Where(r => r.Team == team).ExecuteDeleteAsync(cancellationToken);
        var rota = new TeamRota
        {
            Team = team,
            UpdatedBy = User.UserId(),
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
            Weekdays = request.Weekdays!.Select(w => new RotaWeekday { Team = team, Weekday = w.Weekday!.Value, Person = w.Person!.Trim() }).ToList(),
            Substitutes = request.Substitutes!.Select((p, i) => new RotaSubstitute { Team = team, Position = i, Person = p.Trim() }).ToList(),
            Absences = (request.Absences ?? []).Select((a, i) => new RotaAbsence
            {
                Team = team, Position = i, Person = a.Person!.Trim(), From = a.From!.Value, To = a.To!.Value, Reason = a.Reason,
            }).ToList(),
        };
        db.Add(rota);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Ok(RotaResponse.From(rota));
    }

    internal static IActionResult NotMemberProblem(ControllerBase controller) => controller.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Ingen adgang",
        detail: "Du er ikke medlem af teamet.");

    internal static IActionResult NoRotaProblem(ControllerBase controller, string team) => controller.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Ingen vagtplan",
        detail: $"Team '{team}' har ingen vagtplan endnu.");
}

internal static class RotaQueries
{
    public static Task<TeamRota?> LoadAsync(AppDb db, string team, CancellationToken cancellationToken) => db.Set<TeamRota>()
        .Include(r => r.Weekdays).Include(r => r.Substitutes).Include(r => r.Absences)
        .AsSplitQuery()
        .SingleOrDefaultAsync(r => r.Team == team, cancellationToken);
}
