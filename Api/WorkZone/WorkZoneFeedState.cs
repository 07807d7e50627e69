using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// How far the feed has read WorkZone: the watermark (value of WorkZone:Feed:WatermarkField, as WorkZone wrote it)
/// of the last page whose records are all stored. Saved only after that, so a crash re-reads the page and the
/// idempotent ingest skips what was already stored.
/// </summary>
public sealed class WorkZoneFeedState
{
    public const string IncomingFeed = "incoming";

    public string Name { get; set; } = "";
    public string Watermark { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

public sealed class WorkZoneFeedStateConfiguration : IEntityTypeConfiguration<WorkZoneFeedState>
{
    public void Configure(EntityTypeBuilder<WorkZoneFeedState> e)
    {
        e.ToTable("WorkZoneFeedState");
        e.HasKey(s => s.Name);
    }
}
