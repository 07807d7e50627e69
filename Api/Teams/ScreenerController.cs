using Microsoft.AspNetCore.Mvc;
using SmartPost.Api.Identity;
using SmartPost.Api.Infrastructure.Database;
using Swashbuckle.AspNetCore.Annotations;

namespace SmartPost.Api.Teams;

/// <summary>Today's screener ("postkassevagt") for the team dashboard.</summary>
[ApiController]
[Route("api/v1/teams/{team}/screener")]
public sealed class ScreenerController(AppDb db, TeamAccess access, IOutOfOfficeLookup outOfOffice, TimeProvider clock) : ControllerBase
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>
    /// The responsible person on the date (default: today, Danish time), skipping anyone absent in the rota or with
    /// automatic replies on, and why a substitute was chosen.
    /// </summary>
    /// <param name="team">Team id, e.g. team-a.</param>
    /// <param name="date">YYYY-MM-DD; defaults to today in Europe/Copenhagen.</param>
    /// <response code="200">Who screens, who was skipped and why.</response>
    /// <response code="400">The date is not YYYY-MM-DD.</response>
    /// <response code="403">The caller is not a member of the team.</response>
    /// <response code="404">The team has no rota.</response>
    [HttpGet]
    [SwaggerOperation(Summary = "Dagens postkassevagt", Tags = ["Teams"],
        Description = "The weekday's responsible person from the rota, or the first available substitute when they are absent "
            + "in the rota or have automatic replies on (read from Microsoft Graph in Production), with the reason. "
            + "?date=YYYY-MM-DD, default today (Europe/Copenhagen); 400 for another format. Any member of the team (403 for "
            + "others); 404 when the team has no rota.")]
    [ProducesResponseType<ScreenerResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(string team, [FromQuery] DateOnly? date, CancellationToken cancellationToken)
    {
        if (await access.RoleInAsync(User, team, cancellationToken) == TeamRole.None) return RotaController.NotMemberProblem(this);
        var rota = await RotaQueries.LoadAsync(db, team, cancellationToken);
        if (rota is null) return RotaController.NoRotaProblem(this, team);

        var day = date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Copenhagen).DateTime);
        return Ok(await ScreenerSelection.ChooseAsync(rota, day, outOfOffice, cancellationToken));
    }
}
