using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Identity;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Teams;

namespace SmartPost.Api.Corrections;

/// <summary>The team lead's view of the corrections: measured precision and recall, and the export the trainer reads.</summary>
[ApiController]
public sealed class TeamCorrectionsController(AppDb db, TeamAccess access, TimeProvider clock) : ControllerBase
{
    private const int MaxDays = 731;
    public const string NdJson = "application/x-ndjson";

    /// <param name="team">Team id, e.g. team-a.</param>
    /// <param name="from">YYYY-MM-DD; default the first day of the month eleven months before 'to'.</param>
    /// <param name="to">YYYY-MM-DD; default today (Europe/Copenhagen).</param>
    [HttpGet("api/v1/teams/{team}/statistics/corrections")]
    [SwaggerOperation(Summary = "Rettelser af screeningen (teamledere)", Tags = ["Teams"],
        Description = "For replies received from ?from to ?to (Danish days; default the last 12 months), per month and kind: "
            + "findings, confirmed, rejected, added by hand, unreviewed, measured precision (confirmed / (confirmed + rejected)) "
            + "and recall (findings not rejected / (those + added)); per certainty (Certain, Possible) findings, confirmed, rejected "
            + "and precision. Team leads of the team only (403 for members and non-members). 400 when from is after to or the "
            + "period is over 731 days.")]
    [ProducesResponseType<CorrectionStatisticsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public async Task<IActionResult> Statistics(string team, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken ct)
    {
        if (await LeadOnlyAsync(team, ct) is { } refused) return refused;
        if (Period(from, to) is not { } period) return ValidationProblem(ModelState);
        var (first, last) = period;

        var (start, end) = (TeamStatistics.StartOfDanishDayUtc(first), TeamStatistics.StartOfDanishDayUtc(last.AddDays(1)));
        var replies = db.Set<Reply>().AsNoTracking().Where(r => r.Team == team && r.ReceivedAt >= start && r.ReceivedAt < end);
        var found = await replies.Where(r => r.FlagsJson != "[]").Select(r => new FoundRow(r.ReceivedAt, r.FlagsJson)).ToListAsync(ct);
        var corrections = db.Set<FindingCorrection>().AsNoTracking();
        var verdicts = await corrections.Current(corrections)
            .Join(replies, c => c.ReplyId, r => r.Id, (c, r) => new VerdictRow(r.ReceivedAt, c.Kind, c.Verdict, c.FoundCertainty))
            .ToListAsync(ct);
        return Ok(CorrectionStatistics.Compute(team, first, last, found, verdicts));
    }

    /// <param name="team">Team id, e.g. team-a.</param>
    /// <param name="from">YYYY-MM-DD (correction date); default the first day of the month eleven months before 'to'.</param>
    /// <param name="to">YYYY-MM-DD (correction date); default today (Europe/Copenhagen).</param>
    [HttpGet("api/v1/teams/{team}/corrections/export")]
    [SwaggerOperation(Summary = "Eksportér rettelser til træning (teamledere)", Tags = ["Teams"],
        Description = "JSON Lines (application/x-ndjson), one current verdict per reply and kind corrected from ?from to ?to: "
            + "{replyId, kind, verdict, correctedAt, subject, text} with CPR numbers in subject and text masked (replies whose text was "
            + "deleted after the retention period are left out). The format "
            + "tools/TrainScreeningModel reads with --corrections. Team leads of the team only (403 for others); 400 as the statistics.")]
    [ProducesResponseType(typeof(CorrectionLine), StatusCodes.Status200OK, NdJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public async Task<IActionResult> Export(string team, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken ct)
    {
        if (await LeadOnlyAsync(team, ct) is { } refused) return refused;
        if (Period(from, to) is not { } period) return ValidationProblem(ModelState);
        var (first, last) = period;

        var (start, end) = (TeamStatistics.StartOfDanishDayUtc(first), TeamStatistics.StartOfDanishDayUtc(last.AddDays(1)));
        var corrections = db.Set<FindingCorrection>().AsNoTracking();
        var rows = corrections.Current(corrections)
            .Where(c => c.At >= start && c.At < end)
            .Join(db.Set<Reply>().Where(r => r.Team == team && r.Text != ""), c => c.ReplyId, r => r.Id,
                (c, r) => new { c.ReplyId, c.Kind, c.Verdict, c.At, r.Subject, r.Text, r.FlagsJson })
            .OrderBy(x => x.ReplyId).ThenBy(x => x.Kind)
            .AsAsyncEnumerable();

        Response.ContentType = NdJson;
        Response.Headers.ContentDisposition = $"attachment; filename=\"corrections-{team}-{last:yyyy-MM-dd}.jsonl\"";
        await using var writer = new StreamWriter(Response.Body, new System.Text.UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        // Rows come reply by reply: each reply's lines are written once all its verdicts are read.
        var reply = new List<ExportRow>();
        async Task FlushAsync()
        {
            foreach (var line in CorrectionExport.Lines(reply))
            {
                await writer.WriteAsync(JsonConvert.SerializeObject(line, ReplyIngest.FlagJson));
                await writer.WriteAsync('\n');
            }
            reply.Clear();
        }
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (reply.Count > 0 && reply[0].ReplyId != row.ReplyId) await FlushAsync();
            reply.Add(new ExportRow(row.ReplyId, row.Kind, row.Verdict, row.At, row.Subject, row.Text, row.FlagsJson));
        }
        await FlushAsync();
        return new EmptyResult();
    }

    private async Task<IActionResult?> LeadOnlyAsync(string team, CancellationToken ct)
    {
        var role = await access.RoleInAsync(User, team, ct);
        if (role == TeamRole.None) return RotaController.NotMemberProblem(this);
        return role == TeamRole.Lead ? null
            : Problem(statusCode: StatusCodes.Status403Forbidden, title: "Kun teamleder", detail: "Kun teamets leder kan se rettelserne.");
    }

    private (DateOnly First, DateOnly Last)? Period(DateOnly? from, DateOnly? to)
    {
        var last = to ?? TeamStatistics.DanishDay(clock.GetUtcNow().UtcDateTime);
        var first = from ?? new DateOnly(last.Year, last.Month, 1).AddMonths(-11);
        if (first > last) ModelState.AddModelError(nameof(from), "'from' er efter 'to'.");
        else if (last.DayNumber - first.DayNumber >= MaxDays) ModelState.AddModelError(nameof(to), $"Højst {MaxDays} dage.");
        return ModelState.IsValid ? (first, last) : null;
    }
}

