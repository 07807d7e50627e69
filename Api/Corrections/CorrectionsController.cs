using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Infrastructure.Telemetry;
using SmartPost.Api.Replies;
using SmartPost.Api.Screening;
using SmartPost.Api.Text;

namespace SmartPost.Api.Corrections;

/// <summary>
/// A caseworker corrects the screening of a reply: confirms a finding, rejects it, or adds a kind it missed. Made as
/// every reply change is (<see cref="ReplyChanges"/>): team members only, If-Match with the ETag, someone else's
/// active claim refuses it (409 with the holder), and the history event, the stored correction and the changed flags
/// are written in one transaction with the version bump.
/// </summary>
[ApiController]
[Route("api/v1/replies/{id:long}/corrections")]
public sealed class CorrectionsController(
    ReplyChanges changes, AppDb db, IOptions<RepliesOptions> options, DueDateRules dueDates) : ControllerBase
{
    /// <summary>Where a correction event's text turns into the caseworker's note; retention cuts the note off there.</summary>
    public const string NoteMarker = ". Note: ";

    [HttpPost]
    [SwaggerOperation(Summary = "Ret et fund",
        Description = "verdict Confirmed (\"Bekræft\"), Rejected (\"Ikke aktindsigt\") or Added (\"Det er en klage\") for one kind; "
            + "optional note (≤ 500). Stored with who and when; the latest correction per reply and kind is the current one. A "
            + "rejected finding stays on the reply, marked, but no longer counts in flag totals and due dates; an added kind "
            + "gets its due dates like a finding. Any member of the reply's team (403 for others, 404 unknown id). If-Match "
            + "with the ETag is required (missing → 428, stale → 412); someone else's active claim → 409 with holder; "
            + "confirming or rejecting a kind the screening did not find, or adding one it found → 409. Same verdict again → 200 unchanged.")]
    [ProducesResponseType<ReplyDetail>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(412)]
    [ProducesResponseType<ProblemDetails>(428)]
    public async Task<ActionResult<ReplyDetail>> Correct(long id, [FromBody] CorrectionRequest request, CancellationToken ct)
    {
        var kind = request.Kind!.Value;
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        return await changes.RunAsync(this, id, async (reply, now, user) =>
        {
            if (ReplyViews.Claim(reply, now, options.Value.ClaimTimeout) is { } claim && claim.By != user)
                return ReplyChange.Refused(ReplyProblems.HeldByOther(this, claim));

            var stamp = new CorrectionStamp(request.Verdict!.Value, user, DisplayName(user), now, note);
            var context = await ContextAsync(reply, ct);
            var outcome = FlagCorrector.Apply(reply, kind, stamp, () => JObject.FromObject(
                dueDates.Flag(kind, kind == FlagKind.AccessToRecordsRequest ? AccessSubKind.Offentlighedsloven : null, [], context),
                JsonSerializer.Create(ReplyIngest.FlagJson)));
            if (outcome.Refusal is { } why) return ReplyChange.Refused(Problem(statusCode: 409, title: "Fundet kan ikke rettes sådan", detail: why));
            if (!outcome.Changed) return ReplyChange.Unchanged;

            var verdict = outcome.Verdict;
            var correction = new FindingCorrection
            {
                ReplyId = reply.Id, Kind = kind, Verdict = verdict, FoundCertainty = outcome.FoundCertainty,
                By = user, ByName = stamp.ByName, At = now, Note = note,
            };
            var detail = $"Rettet af {stamp.ByName} {DanishTime.Format(now)}: {FlagCorrector.DanishVerdict(kind, verdict)}"
                + (note is null ? "." : $"{NoteMarker}{note}");
            return new ReplyChange(null, [(ReplyEventKind.FindingCorrected, detail)], [correction], () =>
                SmartPostTelemetry.Corrections.Add(1,
                    new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("verdict", verdict.ToString())));
        }, ct);
    }

    /// <summary>The facts due dates depend on, as at ingest: when the reply came, and the decision it answers.</summary>
    private async Task<ScreeningContext> ContextAsync(Reply reply, CancellationToken ct)
    {
        var answered = reply.AnsweredDispatchId is { } dispatchId
            ? await db.Set<DispatchRecord>().AsNoTracking().Where(d => d.Id == dispatchId)
                .Select(d => new { d.CreatedAt, d.Category }).FirstOrDefaultAsync(ct)
            : null;
        return new ScreeningContext(new DateTimeOffset(reply.ReceivedAt, TimeSpan.Zero),
            answered is null ? null : new DateTimeOffset(answered.CreatedAt, TimeSpan.Zero), answered?.Category);
    }

    /// <summary>The caseworker's name from the token ("Anne Hansen"), or the user id when it carries none.</summary>
    private string DisplayName(string user) => User.FindFirst("name")?.Value is { Length: > 0 } name ? name
        : User.Identity?.Name is { Length: > 0 } identityName ? identityName : user;

}
