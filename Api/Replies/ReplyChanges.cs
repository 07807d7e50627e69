using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Replies;

/// <summary>
/// The one way a caseworker's change to a reply is made (screened, claim, take-over, handled, corrections): team
/// members only, If-Match with the reply's ETag (none → 428), the change decided on the loaded row (refused, already
/// in place → 200 unchanged, or its history events), then the ETag compared (stale → 412), the version bumped and
/// the events and any other rows written in one transaction.
/// </summary>
public sealed class ReplyChanges(ReplyAccess access, AppDb db, TimeProvider clock, IOptions<RepliesOptions> options)
{
    /// <param name="decide">The change on the loaded reply, at this moment, by this user.</param>
    /// <param name="mayChange">An extra permission check on the loaded reply; its refusal is answered when it returns one.</param>
    public async Task<ActionResult<ReplyDetail>> RunAsync(
        ControllerBase c, long id, Func<Reply, DateTime, string, Task<ReplyChange>> decide, CancellationToken ct,
        Func<Reply, Task<ActionResult?>>? mayChange = null)
    {
        // A lost optimistic-concurrency race is decided again on the fresh row: the loser then sees the winner's
        // claim (409 with holder) or, when nothing blocks it, a stale If-Match (412). Three rounds cover any
        // realistic interleaving; a fourth loss answers 412.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (reply, denied) = await access.LoadAsync(c, id, ct);
            if (denied is not null) return denied;
            var ifMatch = c.Request.Headers.IfMatch.ToString();
            if (string.IsNullOrWhiteSpace(ifMatch)) return ReplyProblems.IfMatchRequired(c);
            if (mayChange is not null && await mayChange(reply!) is { } refused) return refused;

            var now = clock.GetUtcNow().UtcDateTime;
            var user = c.User.UserId();
            var change = await decide(reply!, now, user);
            if (change.Refusal is not null) return change.Refusal;
            if (change.Events.Count == 0) return await RepliesController.DetailAsync(c, db, reply!, clock, options.Value, ct);
            if (!Matches(ifMatch, reply!)) return ReplyProblems.Stale(c);

            reply!.Version++;
            foreach (var (kind, detail) in change.Events)
                db.Add(new ReplyEvent { ReplyId = reply.Id, At = now, Actor = user, Kind = kind, Detail = detail });
            foreach (var row in change.Rows) db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            change.Saved?.Invoke();
            return await RepliesController.DetailAsync(c, db, reply, clock, options.Value, ct);
        }
        return ReplyProblems.Stale(c);
    }

    private static bool Matches(string ifMatch, Reply reply) =>
        ifMatch.Trim() == "*" || ifMatch.Split(',').Select(t => t.Trim()).Contains(reply.ETag);
}

/// <summary>
/// What a reply change decided: refused, nothing to do (no events: already in place), or the history events it
/// writes, other rows stored with them, and what to do once they are saved.
/// </summary>
public sealed record ReplyChange(
    ActionResult? Refusal, IReadOnlyList<(ReplyEventKind Kind, string? Detail)> Events, IReadOnlyList<object> Rows, Action? Saved = null)
{
    public static readonly ReplyChange Unchanged = new(null, [], []);

    public static ReplyChange With(params (ReplyEventKind, string?)[] events) => new(null, events, []);

    public static ReplyChange Refused(ActionResult refusal) => new(refusal, [], []);
}
