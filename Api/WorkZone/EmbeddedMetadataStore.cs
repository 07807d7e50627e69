using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.WorkZone;

/// <summary>"SmartPost behandlet" kept in our own database: the default when no WorkZone is configured.</summary>
public sealed class DocumentMetadata
{
    public string DocumentId { get; set; } = "";
    public bool SmartPostHandled { get; set; }
    public string? HandledBy { get; set; }
    public DateTime? HandledAt { get; set; }
    public Guid LastDeliveryKey { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class DocumentMetadataConfiguration : IEntityTypeConfiguration<DocumentMetadata>
{
    public void Configure(EntityTypeBuilder<DocumentMetadata> e)
    {
        e.ToTable("DocumentMetadata");
        e.HasKey(d => d.DocumentId);
    }
}

public sealed class EmbeddedMetadataStore(AppDb db, TimeProvider clock) : IDocumentMetadataStore
{
    public async Task<MetadataWriteResult> WriteAsync(MetadataChange change, CancellationToken cancellationToken)
    {
        // Deadlines and finding kinds are WorkZone fields; without WorkZone the reply itself already holds them.
        if (change.Kind != MetadataKind.Handled) return new MetadataWriteResult(MetadataWriteOutcome.Applied, "kun i WorkZone");
        var row = await db.Set<DocumentMetadata>().FindAsync([change.DocumentId], cancellationToken);
        if (row is null)
        {
            row = new DocumentMetadata { DocumentId = change.DocumentId };
            db.Add(row);
        }
        else if (row.LastDeliveryKey == change.DeliveryKey)
        {
            return new MetadataWriteResult(MetadataWriteOutcome.Applied, "already applied");
        }
        row.SmartPostHandled = change.Handled;
        row.HandledBy = change.HandledBy;
        row.HandledAt = change.HandledAt;
        row.LastDeliveryKey = change.DeliveryKey;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new MetadataWriteResult(MetadataWriteOutcome.Applied);
    }
}
