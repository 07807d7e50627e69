using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Infrastructure.Telemetry;
using SmartPost.Api.WorkZone;

namespace SmartPost.Api.Replies;

/// <summary>
/// Screened, claim and "SmartPost behandlet". Each change bumps the reply's version (its ETag), checks If-Match
/// (stale → 412), and writes an audit event in the same transaction. Repeating a change that is already in place
/// is a no-op 200.
/// </summary>
[ApiController]
[Route("api/v1/replies/{id:long}")]
[ProducesResponseType<ReplyDetail>(200)]
[ProducesResponseType<ProblemDetails>(403)]
[ProducesResponseType<ProblemDetails>(404)]
[ProducesResponseType<ProblemDetails>(412)]
public sealed class ReplyStateController(
    ReplyAccess access, AppDb db, TimeProvider clock, IOptions<RepliesOptions> options, MetadataOutbox outbox) : ControllerBase
{
    /// <summary>Ticks the reply on the daily screening list. The guideline: screening alone changes nothing else.</summary>
    [HttpPost("screened")]
    [SwaggerOperation(Summary = "Markér som screenet / mark screened", Description = "Records who screened the reply and when; "
        + "nothing else changes. Any member of the reply's team (403 for others, 404 unknown id). Optional If-Match with the "
        + "ETag: stale → 412. Already screened → 200 unchanged.")]
    public Task<ActionResult<ReplyDetail>> Screened(long id, CancellationToken ct) => ChangeAsync(id, (reply, now, user) =>
    {
        if (reply.ScreenedAt is not null) return Unchanged;
        (reply.ScreenedAt, reply.ScreenedBy) = (now, user);
        return Change(ReplyEventKind.Screened, null);
    }, ct);

    /// <summary>Takes the reply so nobody else starts on it. Held by someone else → 409 with holder and since.</summary>
    [HttpPost("claim")]
    [SwaggerOperation(Summary = "Tag svaret / claim", Description = "One holder at a time; claims expire after Replies:ClaimTimeout. Claiming your own claim again renews it. "
        + "Held by another caseworker → 409 with holder, since and expiresAt. Any member of the reply's team (403 for others, "
        + "404 unknown id); optional If-Match, stale → 412.")]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<ActionResult<ReplyDetail>> Claim(long id, CancellationToken ct) => ChangeAsync(id, (reply, now, user) =>
    {
        if (HeldByOther(reply, now, user) is { } held) return held;
        var renewed = reply.ClaimedBy == user && ReplyViews.Claim(reply, now, options.Value.ClaimTimeout) is not null;
        (reply.ClaimedBy, reply.ClaimedAt) = (user, now);
        return Change(ReplyEventKind.Claimed, renewed ? "fornyet / renewed" : null);
    }, ct);

    /// <summary>Releases your claim. Someone else's active claim → 409.</summary>
    [HttpDelete("claim")]
    [SwaggerOperation(Summary = "Slip svaret / release claim",
        Description = "Removes your own claim; no claim → 200 unchanged. Someone else's active claim → 409 with the holder. "
            + "Any member of the reply's team (403 for others, 404 unknown id); optional If-Match, stale → 412.")]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<ActionResult<ReplyDetail>> Release(long id, CancellationToken ct) => ChangeAsync(id, (reply, now, user) =>
    {
        if (HeldByOther(reply, now, user) is { } held) return held;
        if (reply.ClaimedBy is null) return Unchanged;
        (reply.ClaimedBy, reply.ClaimedAt) = (null, null);
        return Change(ReplyEventKind.ClaimReleased, null);
    }, ct);

    /// <summary>
    /// Sets "SmartPost behandlet" (who, when): the reply leaves the unhandled list and its document metadata is
    /// queued for the metadata store (WorkZone or embedded) in the same transaction.
    /// </summary>
    [HttpPost("handled")]
    [SwaggerOperation(Summary = "SmartPost behandlet / mark handled", Description = "Idempotent; also ends an active claim. The "
        + "reply leaves the unhandled list and the metadata change is queued for WorkZone in the same transaction: the "
        + "detail's metadataSync shows whether WorkZone has it yet. Any member of the reply's team (403 for others, 404 "
        + "unknown id); optional If-Match, stale → 412.")]
    public Task<ActionResult<ReplyDetail>> Handled(long id, CancellationToken ct) => ChangeAsync(id, (reply, now, user) =>
    {
        if (reply.IsHandled) return Unchanged;
        (reply.IsHandled, reply.HandledBy, reply.HandledAt) = (true, user, now);
        if (reply.ClaimedBy is not null) (reply.ClaimedBy, reply.ClaimedAt) = (null, null);
        outbox.Enqueue(reply, now);
        return Change(ReplyEventKind.MarkedHandled, null);
    }, ct);

    /// <summary>Undoes "SmartPost behandlet"; the reply is back on the unhandled list.</summary>
    [HttpDelete("handled")]
    [SwaggerOperation(Summary = "Fortryd behandlet / undo handled",
        Description = "Clears \"SmartPost behandlet\": the reply is back on the unhandled list and the change is queued for "
            + "WorkZone. Not handled → 200 unchanged. Any member of the reply's team (403 for others, 404 unknown id); optional "
            + "If-Match, stale → 412.")]
    public Task<ActionResult<ReplyDetail>> Unhandle(long id, CancellationToken ct) => ChangeAsync(id, (reply, now, _) =>
    {
        if (!reply.IsHandled) return Unchanged;
        (reply.IsHandled, reply.HandledBy, reply.HandledAt) = (false, null, null);
        outbox.Enqueue(reply, now);
        return Change(ReplyEventKind.HandledUndone, null);
    }, ct);

    private sealed record Outcome(ActionResult? Refusal, ReplyEventKind? Event, string? Detail);

    private static readonly Outcome Unchanged = new(null, null, null);

    private static Outcome Change(ReplyEventKind kind, string? detail) => new(null, kind, detail);

    private Outcome? HeldByOther(Reply reply, DateTime now, string user) =>
        ReplyViews.Claim(reply, now, options.Value.ClaimTimeout) is { } claim && claim.By != user
            ? new Outcome(ClaimConflict(claim), null, null)
            : null;

    private ObjectResult ClaimConflict(ClaimView claim)
    {
        SmartPostTelemetry.ClaimConflicts.Add(1);
        var problem = Problem(statusCode: 409, title: "Svaret er taget / already claimed",
            detail: $"{claim.By} har taget svaret siden {claim.Since:u}.");
        var details = (ProblemDetails)problem.Value!;
        details.Extensions["holder"] = claim.By;
        details.Extensions["since"] = claim.Since;
        details.Extensions["expiresAt"] = claim.ExpiresAt;
        return problem;
    }

    private async Task<ActionResult<ReplyDetail>> ChangeAsync(long id, Func<Reply, DateTime, string, Outcome> apply, CancellationToken ct)
    {
        var (reply, denied) = await access.LoadAsync(this, id, ct);
        if (denied is not null) return denied;
        if (StaleIfMatch(reply!) is { } stale) return stale;

        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = apply(reply!, now, User.UserId());
        if (outcome.Refusal is not null) return outcome.Refusal;
        if (outcome.Event is { } kind)
        {
            reply!.Version++;
            db.Add(new ReplyEvent { ReplyId = reply.Id, At = now, Actor = User.UserId(), Kind = kind, Detail = outcome.Detail });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return PreconditionFailed("Svaret blev ændret samtidig af en anden; hent det igen / changed concurrently, reload.");
            }
            outbox.Notify();
        }
        return await RepliesController.DetailAsync(this, db, reply!, clock, options.Value, ct);
    }

    private ActionResult? StaleIfMatch(Reply reply)
    {
        var ifMatch = Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*") return null;
        var tags = ifMatch.Split(',').Select(t => t.Trim());
        return tags.Contains(reply.ETag)
            ? null
            : PreconditionFailed($"If-Match {ifMatch} er forældet; nuværende ETag er {reply.ETag} / stale ETag.");
    }

    private ObjectResult PreconditionFailed(string detail) =>
        Problem(statusCode: 412, title: "Forældet version / precondition failed", detail: detail);
}
