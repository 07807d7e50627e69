using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartPost.Api.Teams;

/// <summary>
/// A team's screening rota ("postkassevagt"): the guideline lets each team decide who screens and requires a
/// substitute during absence. Weekday → responsible person, ordered substitutes, planned absences.
/// </summary>
public sealed class TeamRota
{
    public required string Team { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<RotaWeekday> Weekdays { get; set; } = [];
    public List<RotaSubstitute> Substitutes { get; set; } = [];
    public List<RotaAbsence> Absences { get; set; } = [];
}

public sealed class RotaWeekday
{
    public required string Team { get; set; }
    public DayOfWeek Weekday { get; set; }
    public required string Person { get; set; }
}

public sealed class RotaSubstitute
{
    public required string Team { get; set; }
    /// <summary>0 is asked first.</summary>
    public int Position { get; set; }
    public required string Person { get; set; }
}

public sealed class RotaAbsence
{
    public required string Team { get; set; }
    public int Position { get; set; }
    public required string Person { get; set; }
    public DateOnly From { get; set; }
    /// <summary>Inclusive.</summary>
    public DateOnly To { get; set; }
    public string? Reason { get; set; }
}

internal sealed class TeamRotaConfiguration : IEntityTypeConfiguration<TeamRota>
{
    public void Configure(EntityTypeBuilder<TeamRota> rota)
    {
        rota.ToTable("TeamRotas");
        rota.HasKey(r => r.Team);
        rota.Property(r => r.Team).HasMaxLength(100);
        rota.Property(r => r.UpdatedBy).HasMaxLength(200);
        rota.HasMany(r => r.Weekdays).WithOne().HasForeignKey(w => w.Team).OnDelete(DeleteBehavior.Cascade);
        rota.HasMany(r => r.Substitutes).WithOne().HasForeignKey(s => s.Team).OnDelete(DeleteBehavior.Cascade);
        rota.HasMany(r => r.Absences).WithOne().HasForeignKey(a => a.Team).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RotaWeekdayConfiguration : IEntityTypeConfiguration<RotaWeekday>
{
    public void Configure(EntityTypeBuilder<RotaWeekday> day)
    {
        day.ToTable("TeamRotaWeekdays");
        day.HasKey(d => new { d.Team, d.Weekday });
        day.Property(d => d.Person).HasMaxLength(200);
    }
}

internal sealed class RotaSubstituteConfiguration : IEntityTypeConfiguration<RotaSubstitute>
{
    public void Configure(EntityTypeBuilder<RotaSubstitute> substitute)
    {
        substitute.ToTable("TeamRotaSubstitutes");
        substitute.HasKey(s => new { s.Team, s.Position });
        substitute.Property(s => s.Person).HasMaxLength(200);
    }
}

internal sealed class RotaAbsenceConfiguration : IEntityTypeConfiguration<RotaAbsence>
{
    public void Configure(EntityTypeBuilder<RotaAbsence> absence)
    {
        absence.ToTable("TeamRotaAbsences");
        absence.HasKey(a => new { a.Team, a.Position });
        absence.Property(a => a.Person).HasMaxLength(200);
        absence.Property(a => a.Reason).HasMaxLength(500);
    }
}
