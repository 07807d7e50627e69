using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartPost.Api.Replies;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Corrections;

/// <summary>What a caseworker says about one kind on one reply.</summary>
public enum CorrectionVerdict
{
    /// <summary>The screening's finding is right ("Bekræft").</summary>
    Confirmed,

    /// <summary>The screening's finding is wrong ("Ikke aktindsigt"); it stays visible, marked rejected.</summary>
    Rejected,

    /// <summary>The screening missed the kind and the caseworker adds it ("Det er en klage").</summary>
    Added,
}

/// <summary>
/// One correction of a finding, never changed once written. The latest row per reply and kind is the current verdict;
/// earlier rows stay as the record of what was said before (the reply history shows each one too).
/// </summary>
public sealed class FindingCorrection
{
    public long Id { get; set; }
    public long ReplyId { get; set; }
    public Reply? Reply { get; set; }
    public FlagKind Kind { get; set; }
    public CorrectionVerdict Verdict { get; set; }

    /// <summary>How sure the screening was of the finding, or null when the screening had not found the kind.</summary>
    public Certainty? FoundCertainty { get; set; }

    public string By { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTime At { get; set; }
    public string? Note { get; set; }
}

public sealed class FindingCorrectionConfiguration : IEntityTypeConfiguration<FindingCorrection>
{
    public void Configure(EntityTypeBuilder<FindingCorrection> e)
    {
        e.ToTable("FindingCorrections");
        e.Property(c => c.Kind).HasConversion<string>();
        e.Property(c => c.Verdict).HasConversion<string>();
        e.Property(c => c.FoundCertainty).HasConversion<string>();
        e.HasIndex(c => new { c.ReplyId, c.Kind, c.Id });
        e.HasIndex(c => c.At);
        e.HasOne(c => c.Reply).WithMany().HasForeignKey(c => c.ReplyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class FindingCorrections
{
    /// <summary>The current verdicts: corrections with no later one for the same reply and kind.</summary>
    public static IQueryable<FindingCorrection> Current(this IQueryable<FindingCorrection> all, IQueryable<FindingCorrection> source) =>
        all.Where(c => !source.Any(later => later.ReplyId == c.ReplyId && later.Kind == c.Kind && later.Id > c.Id));
}
