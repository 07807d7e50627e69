using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartPost.Api.WorkZone;

public enum OutboxStatus { Pending, Delivered, Conflict, Failed }

/// <summary>
/// A "SmartPost behandlet" change waiting to reach the document metadata store. Written in the same transaction
/// as the reply's state change, so a change is never lost when WorkZone is down; delivered by
/// <see cref="MetadataOutboxDelivery"/>.
/// </summary>
public sealed class MetadataOutboxMessage
{
    public long Id { get; set; }
    /// <summary>Idempotency key of this change: a store that has applied it skips it on redelivery.</summary>
    public Guid DeliveryKey { get; set; }
    public long ReplyId { get; set; }
    public string DocumentId { get; set; } = "";
    public MetadataKind Kind { get; set; }
    public bool Handled { get; set; }
    public string? HandledBy { get; set; }
    /// <summary>The caseworker whose action this is (sent as OnBehalfOf); null for the system's own writes.</summary>
    public string? ActedBy { get; set; }
    /// <summary>The value of a Deadline or FindingKinds change.</summary>
    public string? Value { get; set; }
    public DateTime? HandledAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }

    public MetadataChange ToChange() => new(DeliveryKey, DocumentId, Handled, HandledBy, HandledAt, Kind, ActedBy, Value);
}

public sealed class MetadataOutboxMessageConfiguration : IEntityTypeConfiguration<MetadataOutboxMessage>
{
    public void Configure(EntityTypeBuilder<MetadataOutboxMessage> e)
    {
        e.ToTable("MetadataOutbox");
        e.Property(m => m.Status).HasConversion<string>();
        e.Property(m => m.Kind).HasConversion<string>();
        e.Property(m => m.Attempts).IsConcurrencyToken(); // the delivery lease
        e.HasIndex(m => m.DeliveryKey).IsUnique();
        e.HasIndex(m => new { m.Status, m.NextAttemptAt });
        e.HasIndex(m => m.ReplyId);
        e.HasIndex(m => new { m.ReplyId, m.Kind });
    }
}
