using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartPost.Api.Replies;

/// <summary>How a reply found its team: the issue asks that unlinkable replies are visibly marked.</summary>
public enum ReplyRouting { ReplyData, GivenCaseNumber, GivenTeam, CaseNumberInText, SenderRecentDispatch, RecipientNameInText, DefaultTeam }

/// <summary>A citizen's incoming reply, screened and placed in a team's inbox.</summary>
public sealed class Reply
{
    public long Id { get; set; }

    /// <summary>"memo:{messageUUID}" or "doc:{documentId}": unique, so a redelivery can never make a duplicate.</summary>
    public string SourceKey { get; set; } = "";
    public Guid? MessageUuid { get; set; }
    public string? DocumentId { get; set; }
    public string? Label { get; set; }

    public string Team { get; set; } = "";
    public string? CaseNumber { get; set; }
    public ReplyRouting Routing { get; set; }
    public string RoutingReason { get; set; } = "";
    public Guid? AnsweredDispatchId { get; set; }

    public DateTime ReceivedAt { get; set; }
    public DateTime IngestedAt { get; set; }
    public string? Subject { get; set; }
    public string Text { get; set; } = "";
    /// <summary>
    /// Subject and text as Danish-folded words, each between single spaces (" jeg vil klage "): shared searches
    /// prefilter on it with LIKE in the database (see <see cref="ReplySearchText"/>).
    /// </summary>
    public string SearchText { get; set; } = "";
    public string? SenderIdType { get; set; }
    public string? SenderId { get; set; }

    public bool NeedsManualScreening { get; set; }
    public string? ManualScreeningReason { get; set; }
    public bool HasAccessToRecordsRequest { get; set; }
    public bool HasComplaint { get; set; }
    public bool HasDeadlineExtensionRequest { get; set; }
    /// <summary>The screener's flags with evidence and deadlines, as JSON (read whole, never queried into).</summary>
    public string FlagsJson { get; set; } = "[]";
    public DateOnly? DueDate { get; set; }
    /// <summary>DueDate, or 9999-12-31 when none: lets the inbox sort "nulls last" on an index on both providers.</summary>
    public DateOnly SortDueDate { get; set; }

    public DateTime? ScreenedAt { get; set; }
    public string? ScreenedBy { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public bool IsHandled { get; set; }
    public string? HandledBy { get; set; }
    public DateTime? HandledAt { get; set; }

    /// <summary>Bumped on every state change; the ETag and EF's optimistic-concurrency token.</summary>
    public int Version { get; set; }

    public string ETag => $"\"{Id}-{Version}\"";

    public static readonly DateOnly NoDueDate = DateOnly.MaxValue;
}

public sealed class ReplyConfiguration : IEntityTypeConfiguration<Reply>
{
    public const string InboxIndex = "IX_Replies_Inbox";
    public const string HandledIndex = "IX_Replies_Handled";

    public void Configure(EntityTypeBuilder<Reply> e)
    {
        e.ToTable("Replies");
        e.Property(r => r.Routing).HasConversion<string>();
        e.Property(r => r.Version).IsConcurrencyToken();
        e.Ignore(r => r.ETag);
        e.HasIndex(r => r.SourceKey).IsUnique();
        // The inbox: one team, handled or not, due date first (nulls last via SortDueDate), then oldest first. The
        // flag columns at the end make it covering for the per-flag totals (one index scan, no table reads), and
        // let a flag filter skip rows inside the index. Queries must compare IsHandled with "=" (InboxQuery.WithStatus):
        // SQLite cannot seek an index on "NOT IsHandled".
        e.HasIndex(r => new
            {
                r.Team, r.IsHandled, r.SortDueDate, r.ReceivedAt, r.Id,
                r.HasAccessToRecordsRequest, r.HasComplaint, r.HasDeadlineExtensionRequest, r.NeedsManualScreening, r.ScreenedAt,
            })
            .HasDatabaseName(InboxIndex);
        // status=all: the page in inbox order without a sort.
        e.HasIndex(r => new { r.Team, r.SortDueDate, r.ReceivedAt, r.Id });
        // status=handled: the "Behandlet" view, newest handled first, without a sort (Teams/HandledOrder).
        e.HasIndex(r => new { r.Team, r.IsHandled, r.HandledAt, r.Id }).HasDatabaseName(HandledIndex);
    }
}
