using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Text;
using SmartPost.Api.WorkZone;

namespace SmartPost.Api.Replies;

/// <summary>
/// Screened, claim, take-over and "SmartPost behandlet". The guideline's point is that two caseworkers never process
/// the same reply, so every change is refused (409, naming the holder) while someone else holds an active claim.
/// Every change needs If-Match with the reply's ETag (none → 428), bumps the version and writes its history events
/// in the same transaction. The holder check comes before the version check: a caseworker who lost a race to a
/// colleague learns who has the reply (409), not just that it changed (412). Repeating a change that is already in
/// place is a no-op 200.
/// </summary>
[ApiController]
[Route("api/v1/replies/{id:long}")]
[ProducesResponseType<ReplyDetail>(200)]
[ProducesResponseType<ProblemDetails>(403)]
[ProducesResponseType<ProblemDetails>(404)]
[ProducesResponseType<ProblemDetails>(409)]
[ProducesResponseType<ProblemDetails>(412)]
[ProducesResponseType<ProblemDetails>(428)]
public sealed class ReplyStateController(
    ReplyChanges changes, IOptions<RepliesOptions> options, MetadataOutbox outbox, ClaimTakeoverPermission takeover) : ControllerBase
{
    private const string Rules = " Any member of the reply's team (403 for others, 404 unknown id). If-Match with the ETag is required "
        + "(missing → 428, stale → 412); someone else's active claim → 409 with holder and since.";

    /// <summary>Ticks the reply on the daily screening list. The guideline: screening alone changes nothing else.</summary>
    [HttpPost("screened")]
    [SwaggerOperation(Summary = "Markér som screenet", Description = "Records who screened the reply and when; nothing else "
        + "changes. Already screened → 200 unchanged." + Rules)]
    public Task<ActionResult<ReplyDetail>> Screened(long id, CancellationToken ct) => ChangeAsync(id, (reply, now, user) =>
    {
        if (HeldByOther(reply, now, user) is { } held) return held;
        if (reply.ScreenedAt is not null) return ReplyChange.Unchanged;
        (reply.ScreenedAt, reply.ScreenedBy) = (now, user);
        return ReplyChange.With((ReplyEventKind.Screened, null));
    }, ct);

    /// <summary>Takes the reply so nobody else starts on it.</summary>
    [HttpPost("claim")]
    [SwaggerOperation(Summary = "Tag svaret", Description = "One holder at a time; claims expire after Replies:ClaimTimeout. "
        + "Claiming your own claim again renews it. A handled reply cannot be claimed (409, handledBy/handledAt)." + Rules)]
    public Task<ActionResult<ReplyDetail>> Claim(long id, CancellationToken ct) => ChangeAsync(id, (reply, now, user) =>
    {
        if (AlreadyHandled(reply) is { } handled) return handled;
        if (HeldByOther(reply, now, user) is { } held) return held;
        return TakeClaim(reply, now, user, detail: null);
    }, ct);

    /// <summary>Takes over a colleague's active claim: team leads and today's screener (rota), with a reason.</summary>
    [HttpPost("claim/takeover")]
    [SwaggerOperation(Summary = "Overtag svaret", Description = "For a colleague who is away: the team lead (app role "
        + "SmartPost.TeamLead) or today's screener per the rota (the substitute when the scheduled person is absent) takes "
        + "the claim; the reason and the previous holder are recorded in the history. Others → 403; reason missing → 400; "
        + "handled → 409. If-Match with the ETag is required (missing → 428, stale → 412).")]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public async Task<ActionResult<ReplyDetail>> TakeOver(long id, [FromBody] TakeOverRequest request, CancellationToken ct)
    {
        var reason = request.Reason?.Trim() ?? "";
        return await ChangeAsync(id, (reply, now, user) =>
        {
            if (AlreadyHandled(reply) is { } handled) return handled;
            if (ReplyViews.Claim(reply, now, options.Value.ClaimTimeout) is not { } claim || claim.By == user)
                return TakeClaim(reply, now, user, detail: $"Begrundelse: {reason}");
            (reply.ClaimedBy, reply.ClaimedAt) = (user, now);
            return ReplyChange.With((ReplyEventKind.ClaimTakenOver,
                $"Overtaget af {user} {DanishTime.Format(now)} fra {claim.By}, der havde taget svaret {DanishTime.Format(claim.Since)}. "
                + $"Begrundelse: {reason}"));
        }, ct, async reply => await takeover.IsAllowedAsync(User, reply.Team, ct) ? null : ReplyProblems.TakeOverForbidden(this));
    }

    /// <summary>Releases your claim.</summary>
    [HttpDelete("claim")]
    [SwaggerOperation(Summary = "Slip svaret", Description = "Removes your own (or an expired) claim; no claim → 200 unchanged." + Rules)]
    public Task<ActionResult<ReplyDetail>> Release(long id, CancellationToken ct) => ChangeAsync(id, (reply, now, user) =>
    {
        if (HeldByOther(reply, now, user) is { } held) return held;
        if (reply.ClaimedBy is not { } holder) return ReplyChange.Unchanged;
        (reply.ClaimedBy, reply.ClaimedAt) = (null, null);
        return ReplyChange.With((ReplyEventKind.ClaimReleased, holder == user ? null : $"Udløbet krav fra {holder} fjernet."));
    }, ct);

    /// <summary>
    /// Sets "SmartPost behandlet" (who, when): the reply leaves the unhandled list and its document metadata is
    /// queued for the metadata store (WorkZone or embedded) in the same transaction.
    /// </summary>
    [HttpPost("handled")]
    [SwaggerOperation(Summary = "SmartPost behandlet", Description = "The holder marks the reply handled; an unclaimed reply "
        + "is claimed and handled in one step. The claim ends. The reply leaves the unhandled list and the metadata change is "
        + "queued for WorkZone in the same transaction: the detail's metadataSync shows whether WorkZone has it yet. "
        + "Already handled → 200 unchanged." + Rules)]
    public Task<ActionResult<ReplyDetail>> Handled(long id, CancellationToken ct) => ChangeAsync(id, (reply, now, user) =>
    {
        if (reply.IsHandled) return ReplyChange.Unchanged;
        if (HeldByOther(reply, now, user) is { } held) return held;
        var events = new List<(ReplyEventKind, string?)>();
        if (ReplyViews.Claim(reply, now, options.Value.ClaimTimeout) is null)
            events.Add((ReplyEventKind.Claimed, "Taget og behandlet i ét trin."));
        (reply.IsHandled, reply.HandledBy, reply.HandledAt) = (true, user, now);
        events.Add((ReplyEventKind.MarkedHandled, null));
        (reply.ClaimedBy, reply.ClaimedAt) = (null, null);
        events.Add((ReplyEventKind.ClaimCleared, "Kravet sluttede, da svaret blev behandlet."));
        outbox.Enqueue(reply, now);
        return new ReplyChange(null, events, []);
    }, ct);

    /// <summary>Undoes "SmartPost behandlet"; the reply is back on the unhandled list.</summary>
    [HttpDelete("handled")]
    [SwaggerOperation(Summary = "Fortryd behandlet", Description = "Clears \"SmartPost behandlet\": the reply is back on the "
        + "unhandled list and the change is queued for WorkZone. Not handled → 200 unchanged." + Rules)]
    public Task<ActionResult<ReplyDetail>> Unhandle(long id, CancellationToken ct) => ChangeAsync(id, (reply, now, user) =>
    {
        if (!reply.IsHandled) return ReplyChange.Unchanged;
        if (HeldByOther(reply, now, user) is { } held) return held;
        var previous = reply.HandledBy;
        (reply.IsHandled, reply.HandledBy, reply.HandledAt) = (false, null, null);
        outbox.Enqueue(reply, now);
        return ReplyChange.With((ReplyEventKind.HandledUndone, previous == user ? null : $"Behandlet af {previous}."));
    }, ct);

    private ReplyChange TakeClaim(Reply reply, DateTime now, string user, string? detail)
    {
        var active = ReplyViews.Claim(reply, now, options.Value.ClaimTimeout);
        var events = new List<(ReplyEventKind, string?)>();
        if (active is null && reply is { ClaimedBy: { } expiredHolder, ClaimedAt: { } expiredSince })
            events.Add((ReplyEventKind.ClaimCleared, $"{expiredHolder}s krav fra {DanishTime.Format(expiredSince)} var udløbet."));
        events.Add((ReplyEventKind.Claimed, active is not null ? JoinDetail("Fornyet.", detail) : detail));
        (reply.ClaimedBy, reply.ClaimedAt) = (user, now);
        return new ReplyChange(null, events, []);
    }

    private static string JoinDetail(string first, string? second) => second is null ? first : $"{first} {second}";

    private ReplyChange? HeldByOther(Reply reply, DateTime now, string user) =>
        ReplyViews.Claim(reply, now, options.Value.ClaimTimeout) is { } claim && claim.By != user
            ? ReplyChange.Refused(ReplyProblems.HeldByOther(this, claim))
            : null;

    private ReplyChange? AlreadyHandled(Reply reply) =>
        reply.IsHandled ? ReplyChange.Refused(ReplyProblems.AlreadyHandled(this, reply)) : null;

    private Task<ActionResult<ReplyDetail>> ChangeAsync(
        long id, Func<Reply, DateTime, string, ReplyChange> decide, CancellationToken ct, Func<Reply, Task<ActionResult?>>? mayChange = null) =>
        changes.RunAsync(this, id, (reply, now, user) => Task.FromResult(decide(reply, now, user) with { Saved = outbox.Notify }), ct, mayChange);
}

/// <summary>Body of POST /api/v1/replies/{id}/claim/takeover.</summary>
public sealed class TakeOverRequest
{
    /// <summary>Why the claim is taken over (e.g. "Anna er syg; borgeren venter på svar"). Recorded in the history.</summary>
    [System.ComponentModel.DataAnnotations.Required(AllowEmptyStrings = false, ErrorMessage = "Skriv hvorfor du overtager svaret.")]
    [System.ComponentModel.DataAnnotations.StringLength(500, ErrorMessage = "Begrundelsen må højst være 500 tegn.")]
    public string? Reason { get; set; }

    /// <summary>Swagger example: the team lead takes over a sick colleague's reply.</summary>
    public static TakeOverRequest Example => new() { Reason = "Anna er syg; borgeren venter på svar." };
}
