using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// How far the feed has read WorkZone: the watermark (value of WorkZone:Feed:WatermarkField, as WorkZone wrote it)
/// of the last page whose records are all stored. Saved only after that, so a crash re-reads the page and the
/// idempotent ingest skips what was already stored. Also when the feed last polled successfully and when it last
/// failed (and how), so every instance — not only the one holding the feed lease — reports the same lag and reachability.
/// </summary>
public sealed class WorkZoneFeedState
{
    public const string IncomingFeed = "incoming";

    public string Name { get; set; } = "";
    /// <summary>Empty until the first page with records is stored: the feed then starts at WorkZone:Feed:StartDate.</summary>
    public string Watermark { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    public DateTime? LastPollAt { get; set; }
    public DateTime? LastFailureAt { get; set; }

    /// <summary>What went wrong, as a kind ("HTTP 503", "network: ConnectionRefused", "timeout"): never WorkZone's text.</summary>
    public string? LastFailure { get; set; }
}

public sealed class WorkZoneFeedStateConfiguration : IEntityTypeConfiguration<WorkZoneFeedState>
{
    public void Configure(EntityTypeBuilder<WorkZoneFeedState> e)
    {
        e.ToTable("WorkZoneFeedState");
        e.HasKey(s => s.Name);
        e.Property(s => s.LastFailure).HasMaxLength(200);
    }
}
