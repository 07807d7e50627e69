using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Teams;

/// <summary>
/// How many replies a team has, handled or not, per flag: the inbox totals without counting the team's replies on
/// every page. Kept by database triggers on Replies (migration InboxAtScale), so every insert, update and delete of a
/// reply changes its team's counts in the same transaction, whatever code path writes the reply.
/// </summary>
public sealed class TeamReplyCount
{
    public string Team { get; set; } = "";
    public bool IsHandled { get; set; }
    public int Total { get; set; }
    public int AccessToRecordsRequest { get; set; }
    public int Complaint { get; set; }
    public int DeadlineExtensionRequest { get; set; }
    public int NeedsManualScreening { get; set; }
    public int Unscreened { get; set; }

    /// <summary>The totals of an inbox status (unhandled, handled or all) from the team's one or two count rows.</summary>
    public static async Task<FlagTotals> ReadAsync(AppDb db, string team, string status, CancellationToken ct)
    {
        bool? handled = status == "all" ? null : status == "handled";
        int all = 0, access = 0, complaint = 0, extension = 0, manual = 0, unscreened = 0;
        await foreach (var c in CountRows(db)(db, team, handled).WithCancellation(ct))
        {
            all += c.Total;
            access += c.AccessToRecordsRequest;
            complaint += c.Complaint;
            extension += c.DeadlineExtensionRequest;
            manual += c.NeedsManualScreening;
            unscreened += c.Unscreened;
        }
        return new FlagTotals(all, access, complaint, extension, manual, unscreened);
    }

    /// <summary>
    /// Precompiled, as it is read on every inbox page and EF would otherwise rebuild the query each time; one per EF
    /// model, as a compiled query refuses a context of another (SQLite and PostgreSQL side by side in the tests).
    /// </summary>
    private static Func<AppDb, string, bool?, IAsyncEnumerable<TeamReplyCount>> CountRows(AppDb db) =>
        PerModel<CompiledCountRows>.For(db).Query;

    private sealed class CompiledCountRows
    {
        public readonly Func<AppDb, string, bool?, IAsyncEnumerable<TeamReplyCount>> Query = EF.CompileAsyncQuery(
            (AppDb db, string team, bool? handled) => db.Set<TeamReplyCount>().AsNoTracking()
                .Where(c => c.Team == team && (handled == null || c.IsHandled == handled)));
    }
}

public sealed class TeamReplyCountConfiguration : IEntityTypeConfiguration<TeamReplyCount>
{
    public void Configure(EntityTypeBuilder<TeamReplyCount> e)
    {
        e.ToTable("TeamReplyCounts");
        e.HasKey(c => new { c.Team, c.IsHandled });
    }
}
