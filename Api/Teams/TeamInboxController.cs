using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Identity;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Teams;

public sealed record FlagTotals(int All, int AccessToRecordsRequest, int Complaint, int DeadlineExtensionRequest, int NeedsManualScreening, int Unscreened);

public sealed record TimeWindow(DateTime From, DateTime To);

public sealed record InboxPage(
    string Team, string Status, IReadOnlyList<ReplyListItem> Items, string? NextCursor, FlagTotals Totals,
    double ScreeningEstimateMinutes, TimeWindow? ScreeningWindow, InboxScreener? Screener)
{
    /// <summary>Swagger example: ?screening=yesterday on a Monday (the weekend's intake) with today's screener.</summary>
    public static InboxPage Example => new("team-helbred", "unhandled", [ReplyListItem.Example], null, new FlagTotals(1, 1, 0, 0, 0, 0), 0,
        new TimeWindow(new DateTime(2026, 11, 19, 23, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc)),
        new InboxScreener("anna@fstyr.dk", false, "anna@fstyr.dk har postkassevagten i dag.", "anna@fstyr.dk", null));
}

/// <summary>"Digital Post – Mit team": the team's replies, most urgent first.</summary>
[ApiController]
[Route("api/v1/teams/{team}/replies")]
public sealed class TeamInboxController(
    AppDb db, KnownTeams teams, ScreeningWindow window, IOutOfOfficeLookup outOfOffice, TimeProvider clock,
    IOptions<RepliesOptions> options) : ControllerBase
{
    /// <summary>
    /// The team inbox, sorted by due date (none last) then age (oldest first) — handled replies newest handled first — with totals per flag over the
    /// filtered set (before the flag filter) and the screening estimate (the guideline: about 1 minute per reply not yet screened).
    /// </summary>
    /// <param name="status">unhandled (default) | handled | all.</param>
    /// <param name="flag">AccessToRecordsRequest | Complaint | DeadlineExtensionRequest | NeedsManualScreening.</param>
    /// <param name="screening">"pending": since the last completed screening (every reply not yet screened, plus those
    /// screened today); "yesterday": the previous working day's intake (Europe/Copenhagen; on Mondays incl. the weekend).
    /// Both come with today's screener from the team's rota (null when the team has no rota). Any date range: receivedFrom/receivedTo.</param>
    /// <param name="cursor">nextCursor from the previous page.</param>
    /// <param name="limit">1–200, default 50.</param>
    [HttpGet]
    [SwaggerOperation(Summary = "Digital Post – Mit team (indbakke)",
        Description = "The team's replies, most urgent first (due date, then oldest; status=handled: the most recently handled "
            + "first), keyset-paged with nextCursor, CPR masked; "
            + "totals per flag over the filtered set and the screening estimate. ?screening=pending: since the last completed "
            + "screening (not yet screened, plus screened today); ?screening=yesterday: the previous working day's intake; "
            + "both with today's screener; any period with receivedFrom/receivedTo. Any member of the team (403 for others, before anything else); 404 for a "
            + "team nobody knows; 400 names a bad status, flag, screening, limit or cursor.")]
    [ProducesResponseType<InboxPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<InboxPage>> List(
        string team, string status = "unhandled", string? flag = null, DateTimeOffset? receivedFrom = null,
        DateTimeOffset? receivedTo = null, string? screening = null, string? cursor = null, int limit = 50,
        CancellationToken ct = default)
    {
        if (await teams.CheckAsync(this, team, ct) is { } refused) return refused;

        if (!InboxQuery.Statuses.Contains(status)) ModelState.AddModelError(nameof(status), "Brug unhandled, handled eller all.");
        if (flag is not null && !InboxQuery.IsFlag(flag)) ModelState.AddModelError(nameof(flag), "Ukendt flag.");
        if (screening is not null && screening is not ("yesterday" or "pending"))
            ModelState.AddModelError(nameof(screening), "Brug 'pending' (siden sidste afsluttede screening) eller 'yesterday'.");
        if (limit is < 1 or > 200) ModelState.AddModelError(nameof(limit), "Skal være 1–200.");
        // "Behandlet" is read for what was just finished: newest handled first. Every other view is most urgent first.
        var newestHandledFirst = status == "handled";
        var after = default(InboxCursor?);
        var afterHandled = default(HandledCursor?);
        if (cursor is not null)
        {
            if (!newestHandledFirst && InboxCursor.TryDecode(cursor, out var c)) after = c;
            else if (newestHandledFirst && HandledCursor.TryDecode(cursor, out var h)) afterHandled = h;
            else ModelState.AddModelError(nameof(cursor), "Ugyldig cursor.");
        }
        if (!ModelState.IsValid) return ValidationProblem(ModelState);

        // One connection for the page's queries (totals, rows, screener) instead of taking it from the pool for each.
        await db.Database.OpenConnectionAsync(ct);
        var q = db.Set<Reply>().AsNoTracking().Where(r => r.Team == team).WithStatus(status);
        if (receivedFrom is { } from) q = q.Where(r => r.ReceivedAt >= from.UtcDateTime);
        if (receivedTo is { } to) q = q.Where(r => r.ReceivedAt < to.UtcDateTime);
        TimeWindow? yesterday = null;
        InboxScreener? screener = null;
        if (screening == "yesterday")
        {
            var (start, end) = window.Yesterday();
            yesterday = new TimeWindow(start, end);
            q = q.Where(r => r.ReceivedAt >= start && r.ReceivedAt < end);
            screener = await InboxScreenerLookup.TodayAsync(db, team, outOfOffice, clock, ct);
        }
        else if (screening == "pending")
        {
            // Since the last completed screening: every reply nobody has screened yet, however old (a missed day is
            // not lost), plus those ticked today so the screener sees the day's progress.
            var todayStart = window.TodayStartUtc();
            q = q.Where(r => r.ScreenedAt == null || r.ScreenedAt >= todayStart);
            screener = await InboxScreenerLookup.TodayAsync(db, team, outOfOffice, clock, ct);
        }

        var plain = PlainInboxPage.Serves(status, flag, dateWindow: receivedFrom is not null || receivedTo is not null, screening);
        FlagTotals totals;
        List<Reply> rows;
        bool more;
        if (plain && db.Database.IsNpgsql())
        {
            // The page every caseworker opens, on PostgreSQL: counts and rows in one round trip of prepared statements.
            (totals, rows, more) = await PostgresInboxPage.ReadAsync(
                (Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), team, status, after, limit, ct);
        }
        else
        {
            // The whole status comes from the team's maintained counts; a received-date window is bounded (one day for
            // screening) and is counted over its own rows.
            totals = receivedFrom is null && receivedTo is null && yesterday is null
                ? await TeamReplyCount.ReadAsync(db, team, status, ct)
                : await TotalsAsync(q, ct);
            (rows, more) = newestHandledFirst
                ? await HandledOrder.PageAsync(q, flag, afterHandled, limit, ct)
                : plain
                    ? await PlainInboxPage.PageAsync(db, team, status, after, limit, ct)
                    : await PageAsync(db, q, flag, after, limit, ct);
        }
        var nextCursor = !more ? null
            : newestHandledFirst ? HandledCursor.From(rows[^1]).Encode() : InboxCursor.From(rows[^1]).Encode();

        var now = clock.GetUtcNow().UtcDateTime;
        return new InboxPageResult(new InboxPage(
            team, status, rows.Select(r => ReplyViews.ToListItem(r, now, options.Value.ClaimTimeout)).ToList(),
            nextCursor, totals,
            totals.Unscreened * options.Value.ScreeningMinutesPerReply, yesterday, screener));
    }

    /// <summary>One page in inbox order (keyset paging after the cursor), list columns only.</summary>
    internal static async Task<(List<Reply> Rows, bool More)> PageAsync(
        AppDb db, IQueryable<Reply> q, string? flag, InboxCursor? after, int limit, CancellationToken ct)
    {
        var page = q.WithFlag(flag);
        if (after is { } k) page = page.After(k, rowValues: db.Database.IsNpgsql());
        var rows = await page.InInboxOrder().Take(limit + 1).ListColumns().ToListAsync(ct);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(limit);
        return (rows, more);
    }

    /// <summary>
    /// Totals of a filtered set in one aggregate query (COUNT(CASE WHEN …) per flag), answered from the covering inbox
    /// index. Costs one index entry per reply in the set: only for date windows, the whole status reads
    /// <see cref="TeamReplyCount"/>.
    /// </summary>
    internal static async Task<FlagTotals> TotalsAsync(IQueryable<Reply> q, CancellationToken ct) =>
        await q.GroupBy(_ => 1).Select(g => new FlagTotals(
                g.Count(),
                g.Count(r => r.HasAccessToRecordsRequest),
                g.Count(r => r.HasComplaint),
                g.Count(r => r.HasDeadlineExtensionRequest),
                g.Count(r => r.NeedsManualScreening),
                g.Count(r => r.ScreenedAt == null)))
            .FirstOrDefaultAsync(ct)
        ?? new FlagTotals(0, 0, 0, 0, 0, 0);
}
