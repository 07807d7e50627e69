using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartPost.Api.Teams;

/// <summary>A team's shared search ("delt liste"), with the caseworker responsible for it and a substitute.</summary>
public sealed class SavedSearch
{
    public long Id { get; set; }
    public string Team { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The terms with their spelling variants, as JSON (<c>SearchTermRequest[]</c>).</summary>
    public string TermsJson { get; set; } = "[]";
    public string? Flag { get; set; }
    public string Status { get; set; } = "unhandled";
    public string? Responsible { get; set; }
    public string? Substitute { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> e)
    {
        e.ToTable("TeamSearches");
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasIndex(s => s.Team);
    }
}
