using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartPost.Api.Recipients;

/// <summary>One row of the embedded Digital Post register: whether a CPR/CVR recipient is exempt (fritaget).</summary>
public sealed class DigitalPostExemption
{
    public RecipientIdType IdType { get; set; }

    /// <summary>Normalised id (<see cref="RecipientId.Normalize"/>): CPR as 10 digits, CVR as 8.</summary>
    public string Id { get; set; } = "";

    public bool Exempt { get; set; }
    public DateOnly? Since { get; set; }
    public string? Reason { get; set; }

    /// <summary>Who decided or reported it, e.g. "Odense Kommune" or "Erhvervsstyrelsen".</summary>
    public string Source { get; set; } = "";

    public DateTime ImportedAt { get; set; }
}

public sealed class DigitalPostExemptionConfiguration : IEntityTypeConfiguration<DigitalPostExemption>
{
    public void Configure(EntityTypeBuilder<DigitalPostExemption> builder)
    {
        builder.ToTable("DigitalPostExemptions");
        builder.HasKey(e => new { e.IdType, e.Id });
        builder.Property(e => e.IdType).HasConversion<string>().HasMaxLength(3);
        builder.Property(e => e.Id).HasMaxLength(10);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.Source).HasMaxLength(200);
    }
}
