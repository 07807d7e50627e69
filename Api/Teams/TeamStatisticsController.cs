using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Identity;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Teams;

/// <summary>Issue 5: "a team lead role can see the team's rota and statistics".</summary>
[ApiController]
[Route("api/v1/teams/{team}/statistics")]
public sealed class TeamStatisticsController(
    AppDb db, TeamAccess access, TimeProvider clock, IOptions<RepliesOptions> options) : ControllerBase
{
    private const int MaxDays = 366;

    /// <summary>
    /// Replies received in the period (Danish days, both inclusive): received/handled/unhandled, per flag, overdue,
    /// handled late, median handling time, and screening minutes per day. Team leads of the team only.
    /// </summary>
    /// <param name="team">Team id, e.g. team-a.</param>
    /// <param name="from">YYYY-MM-DD; default 29 days before 'to'.</param>
    /// <param name="to">YYYY-MM-DD; default today (Europe/Copenhagen).</param>
    /// <response code="403">Not a member of the team, or a member but not a team lead.</response>
    [HttpGet]
    [SwaggerOperation(Summary = "Teamets statistik (teamledere)", Tags = ["Teams"],
        Description = "Replies received from ?from to ?to (Danish days, inclusive; default the last 30 days): received, "
            + "handled, unhandled, per flag, overdue, handled late, median handling hours and screening minutes per day. Team "
            + "leads of the team only (403 for members and non-members). 400 when from is after to or the period is over 366 days.")]
    [ProducesResponseType<TeamStatisticsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public async Task<IActionResult> Get(string team, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken ct)
    {
        var role = await access.RoleInAsync(User, team, ct);
        if (role == TeamRole.None) return RotaController.NotMemberProblem(this);
        if (role != TeamRole.Lead)
        {
            return Problem(statusCode: StatusCodes.Status403Forbidden, title: "Kun teamleder",
                detail: "Kun teamets leder kan se statistikken.");
        }

        var today = TeamStatistics.DanishDay(clock.GetUtcNow().UtcDateTime);
        var last = to ?? today;
        var first = from ?? last.AddDays(-29);
        if (first > last) ModelState.AddModelError(nameof(from), "'from' er efter 'to'.");
        else if (last.DayNumber - first.DayNumber >= MaxDays) ModelState.AddModelError(nameof(to), $"Højst {MaxDays} dage.");
        if (!ModelState.IsValid) return ValidationProblem(ModelState);

        var (start, end) = (TeamStatistics.StartOfDanishDayUtc(first), TeamStatistics.StartOfDanishDayUtc(last.AddDays(1)));
        var rows = await db.Set<Reply>().AsNoTracking()
            .Where(r => r.Team == team && r.ReceivedAt >= start && r.ReceivedAt < end)
            .Select(r => new StatisticsRow(r.ReceivedAt, r.IsHandled, r.HandledAt, r.DueDate, r.HasAccessToRecordsRequest,
                r.HasComplaint, r.HasDeadlineExtensionRequest, r.NeedsManualScreening))
            .ToListAsync(ct);
        return Ok(TeamStatistics.Compute(team, first, last, today, options.Value.ScreeningMinutesPerReply, rows));
    }
}
