using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartPost.Api.Replies;

/// <summary>What happened to a reply; one row per change (GET /api/v1/replies/{id}/history).</summary>
public enum ReplyEventKind
{
    Received, Screened, Claimed, ClaimReleased, ClaimTakenOver, ClaimCleared, MarkedHandled, HandledUndone,
    MetadataSynced, MetadataSyncConflict, MetadataSyncFailed, MetadataSyncRequeued,
    ContentPurged,
    FindingCorrected,
}

public sealed class ReplyEvent
{
    public long Id { get; set; }
    public long ReplyId { get; set; }
    public Reply? Reply { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    public ReplyEventKind Kind { get; set; }
    public string? Detail { get; set; }
}

public sealed class ReplyEventConfiguration : IEntityTypeConfiguration<ReplyEvent>
{
    public void Configure(EntityTypeBuilder<ReplyEvent> e)
    {
        e.ToTable("ReplyEvents");
        e.Property(x => x.Kind).HasConversion<string>();
        e.HasIndex(x => x.ReplyId);
        e.HasOne(x => x.Reply).WithMany().HasForeignKey(x => x.ReplyId).OnDelete(DeleteBehavior.Cascade);
    }
}
