using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartPost.Api.Guidance;
using SmartPost.Api.Recipients;

namespace SmartPost.Api.Dispatch;

/// <summary>
/// A letter dispatched through SmartPost: the caseworker's final reply option and the outgoing MeMo message.
/// A document may be dispatched more than once; each dispatch is its own row.
/// </summary>
public sealed class DispatchRecord
{
    public Guid Id { get; set; }

    /// <summary>MeMo messageUUID; an incoming reply's ReplyData.messageUUID points here.</summary>
    public Guid MessageUuid { get; set; }

    public string DocumentId { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public string DocumentTitle { get; set; } = "";
    public RecipientIdType RecipientIdType { get; set; }

    /// <summary>Normalised CPR/CVR. A CPR number is personal data: never log it (<see cref="RecipientId.MaskCpr"/>).</summary>
    public string RecipientId { get; set; } = "";

    public string RecipientName { get; set; } = "";
    public ReplyOption SuggestedOption { get; set; }
    public ReplyOption ChosenOption { get; set; }
    public string? OverrideReason { get; set; }
    public DateOnly? ReplyBy { get; set; }
    public string? Team { get; set; }

    /// <summary>Guideline category code (e.g. "Decision") the caseworker's add-in got from the guidance API.</summary>
    public string? Category { get; set; }

    public string LetterFileName { get; set; } = "";
    public string LetterContentType { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string MemoXml { get; set; } = "";

    /// <summary>Client-chosen Idempotency-Key (unique); null when the client sent none.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>SHA-256 of the caller and the canonical request body, to tell a retry from a reused key.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>SHA-256 (hex) of the letter's bytes: the letter version. Null for dispatches recorded before it existed.</summary>
    public string? LetterHash { get; set; }

    /// <summary>
    /// Set on the first dispatch of a letter version (document id + letter hash + chosen option), null on deliberate
    /// re-sends. Unique, so two clicks that race with different Idempotency-Keys still record one dispatch.
    /// </summary>
    public string? FirstSendKey { get; set; }
}

public sealed class DispatchRecordConfiguration : IEntityTypeConfiguration<DispatchRecord>
{
    public void Configure(EntityTypeBuilder<DispatchRecord> builder)
    {
        builder.ToTable("Dispatches");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.MessageUuid).IsUnique();
        builder.HasIndex(d => d.IdempotencyKey).IsUnique();
        builder.HasIndex(d => d.FirstSendKey).IsUnique();
        builder.HasIndex(d => d.DocumentId);
        builder.HasIndex(d => new { d.CaseNumber, d.CreatedAt });
        builder.Property(d => d.RecipientIdType).HasConversion<string>().HasMaxLength(3);
        builder.Property(d => d.SuggestedOption).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.ChosenOption).HasConversion<string>().HasMaxLength(20);
    }
}

/// <summary>Audit trail of dispatches: who did what, when.</summary>
public sealed class DispatchAuditEvent
{
    public const string Created = "Created";
    public const string Replayed = "IdempotentReplay";
    public const string Resent = "Resent";

    public Guid Id { get; set; }
    public Guid DispatchId { get; set; }
    public string Action { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTime At { get; set; }
    public string? Detail { get; set; }
}

public sealed class DispatchAuditEventConfiguration : IEntityTypeConfiguration<DispatchAuditEvent>
{
    public void Configure(EntityTypeBuilder<DispatchAuditEvent> builder)
    {
        builder.ToTable("DispatchAuditEvents");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.DispatchId, e.At });
        builder.HasOne<DispatchRecord>().WithMany().HasForeignKey(e => e.DispatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
