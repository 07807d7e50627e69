using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;

namespace SmartPost.Api.WorkZone;

/// <summary>The WorkZone connection: status for the dashboard, refused writes and putting them back in the queue.</summary>
[ApiController]
[Route("api/v1/workzone")]
public sealed class WorkZoneController(
    AppDb db, WorkZoneStatus status, IOptions<WorkZoneOptions> options, ITeamMembership membership, OutboxSignal signal,
    TimeProvider clock) : ControllerBase
{
    private static readonly TimeZoneInfo Danish = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>Last successful poll, lag, replies waiting, last error, authentication alert, writes waiting or refused.</summary>
    [HttpGet("status")]
    [SwaggerOperation(Summary = "WorkZone-status",
        Description = "configured false: no WorkZone (replies come by POST /api/v1/replies, marks stay in our database). Otherwise "
            + "the feed's last successful poll, seconds since then (lagSeconds), replies found but not yet stored, the last error, "
            + "an authAlert while Entra ID or WorkZone refuses our token (writes wait meanwhile), and the write queue. "
            + "summary is the dashboard line in Danish. Any caseworker.")]
    [ProducesResponseType<WorkZoneStatusView>(200)]
    public async Task<WorkZoneStatusView> Status(CancellationToken ct)
    {
        var o = options.Value;
        var s = status.Read();
        var now = clock.GetUtcNow();
        if (o.IsConfigured && o.Feed.Enabled && !s.PollsHere)
        {
            // Another instance polls (it holds the feed lease): its last successful poll is in the database.
            var progress = await WorkZoneFeedProgress.ReadAsync(db, ct);
            if (progress.LastPollAt > s.LastSuccessfulPoll || s.LastSuccessfulPoll is null) s = s with { LastSuccessfulPoll = progress.LastPollAt };
        }
        var counts = await db.Set<MetadataOutboxMessage>().Where(m => m.Status != OutboxStatus.Delivered)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var pending = counts.Where(c => c.Key == OutboxStatus.Pending).Sum(c => c.Count);
        var failed = counts.Where(c => c.Key != OutboxStatus.Pending).Sum(c => c.Count);
        var alert = s.AuthRefusedSince is { } since ? new WorkZoneAuthAlert(since, s.AuthRefusal ?? "") : null;
        return new WorkZoneStatusView(
            o.IsConfigured, o.IsConfigured && o.Feed.Enabled, s.LastSuccessfulPoll,
            s.LastSuccessfulPoll is { } last ? (int)(now - last).TotalSeconds : null, s.RecordsWaiting,
            s.LastIngestedAt, s.LastLag is { } lag ? (int)lag.TotalSeconds : null, s.IngestedSinceStart,
            s.LastError, s.LastErrorAt, alert, pending, failed, Summary(o, s, pending, failed, alert));
    }

    /// <summary>Writes WorkZone refused (or that conflicted) for the caller's teams, newest first.</summary>
    [HttpGet("writes/failed")]
    [SwaggerOperation(Summary = "Afviste WorkZone-skrivninger",
        Description = "Writes to WorkZone that need a person (refused with 403/404/400, or changed by someone else twice), for "
            + "replies of the caller's teams, with WorkZone's reason in Danish. Put one back in the queue with POST …/retry.")]
    [ProducesResponseType<List<FailedWorkZoneWrite>>(200)]
    public async Task<IReadOnlyList<FailedWorkZoneWrite>> Failed(CancellationToken ct)
    {
        var teams = await membership.GetTeamsAsync(User, ct);
        return await db.Set<MetadataOutboxMessage>()
            .Where(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Conflict)
            .Join(db.Set<Reply>().Where(r => teams.Contains(r.Team)), m => m.ReplyId, r => r.Id, (m, r) => new { m, r })
            .OrderByDescending(x => x.m.Id).Take(200)
            .Select(x => new FailedWorkZoneWrite(x.m.Id, x.r.Id, x.m.DocumentId, x.r.Subject, x.m.Kind, x.m.LastError, x.m.ActedBy, x.m.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>Puts a refused write back in the queue (audited in the reply's history).</summary>
    [HttpPost("writes/{id:long}/retry")]
    [SwaggerOperation(Summary = "Prøv WorkZone-skrivningen igen",
        Description = "A write WorkZone refused goes back in the queue, e.g. after the caseworker got access or the record was "
            + "restored; the reply's history records who did it. Members of the reply's team (403), 404 unknown id, 409 when the "
            + "write is not refused (still queued or delivered).")]
    [ProducesResponseType<FailedWorkZoneWrite>(200)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Retry(long id, CancellationToken ct)
    {
        var row = await db.Set<MetadataOutboxMessage>().FirstOrDefaultAsync(m => m.Id == id, ct);
        var reply = row is null ? null : await db.Set<Reply>().FirstOrDefaultAsync(r => r.Id == row.ReplyId, ct);
        if (row is null || reply is null) return ReplyAccess.NotFound(this, $"Ingen WorkZone-skrivning med id {id}.");
        if (!await membership.IsMemberAsync(User, reply.Team, ct)) return ReplyAccess.Forbidden(this);
        if (row.Status is not (OutboxStatus.Failed or OutboxStatus.Conflict))
        {
            return Problem(statusCode: 409, title: "Ikke afvist / not refused",
                detail: row.Status == OutboxStatus.Pending ? "Skrivningen venter allerede i køen." : "WorkZone har allerede fået ændringen.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = row.LastError;
        (row.Status, row.NextAttemptAt, row.LastError) = (OutboxStatus.Pending, now, null);
        db.Add(new ReplyEvent
        {
            ReplyId = reply.Id, At = now, Actor = User.UserId(), Kind = ReplyEventKind.MetadataSyncRequeued,
            Detail = $"WorkZone-skrivning sat i kø igen (var afvist: {previous})",
        });
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return Ok(new FailedWorkZoneWrite(row.Id, reply.Id, row.DocumentId, reply.Subject, row.Kind, previous, row.ActedBy, row.CreatedAt));
    }

    /// <summary>"WorkZone: hentet 09.14, 0 i kø" in Danish time, plus what needs attention.</summary>
    private static string? Summary(WorkZoneOptions o, WorkZoneStatus.Snapshot s, int pending, int failed, WorkZoneAuthAlert? alert)
    {
        if (!o.IsConfigured) return null;
        var parts = new List<string>();
        if (o.Feed.Enabled)
        {
            parts.Add(s.LastSuccessfulPoll is { } at ? $"hentet {TimeZoneInfo.ConvertTime(at, Danish):HH.mm}" : "ikke hentet endnu");
        }
        parts.Add($"{s.RecordsWaiting + pending} i kø");
        if (failed > 0) parts.Add($"{failed} afvist");
        if (alert is not null) parts.Add("adgang afvist – ændringer venter");
        return "WorkZone: " + string.Join(", ", parts);
    }
}

public sealed record WorkZoneAuthAlert(DateTimeOffset Since, string Message);

public sealed record WorkZoneStatusView(
    bool Configured, bool FeedEnabled, DateTimeOffset? LastSuccessfulPoll, int? LagSeconds, int RecordsWaiting,
    DateTimeOffset? LastIngestedAt, int? LastIngestLagSeconds, long IngestedSinceStart, string? LastError, DateTimeOffset? LastErrorAt,
    WorkZoneAuthAlert? AuthAlert, int WritesWaiting, int WritesRefused, string? Summary)
{
    /// <summary>Swagger example: the feed polled 3 s ago, nothing waiting, one write refused earlier.</summary>
    public static WorkZoneStatusView Example => new(
        true, true, new DateTimeOffset(2026, 12, 7, 8, 14, 2, TimeSpan.Zero), 3, 0,
        new DateTimeOffset(2026, 12, 7, 8, 12, 40, TimeSpan.Zero), 9, 42, null, null, null, 0, 1,
        "WorkZone: hentet 09.14, 0 i kø, 1 afvist");
}

public sealed record FailedWorkZoneWrite(
    long Id, long ReplyId, string DocumentId, string? Subject, MetadataKind Kind, string? Reason, string? ActedBy, DateTime CreatedAt)
{
    /// <summary>Swagger example: a mark WorkZone refused because the caseworker lacks write access to the record.</summary>
    public static FailedWorkZoneWrite Example => new(
        17, 1, "D2026-004790", "Sv: Anmodning om lægeerklæring", MetadataKind.Handled,
        "WorkZone afviste ændringen for ANNA: Brugeren har ikke skriveadgang til akten.", "cw-anna",
        new DateTime(2026, 12, 7, 8, 10, 0, DateTimeKind.Utc));
}
