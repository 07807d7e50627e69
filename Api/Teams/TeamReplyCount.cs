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
        var rows = db.Set<TeamReplyCount>().AsNoTracking().Where(c => c.Team == team);
        if (status != "all")
        {
            var handled = status == "handled";
            rows = rows.Where(c => c.IsHandled == handled);
        }
        var counts = await rows.ToListAsync(ct);
        return new FlagTotals(
            counts.Sum(c => c.Total), counts.Sum(c => c.AccessToRecordsRequest), counts.Sum(c => c.Complaint),
            counts.Sum(c => c.DeadlineExtensionRequest), counts.Sum(c => c.NeedsManualScreening), counts.Sum(c => c.Unscreened));
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
