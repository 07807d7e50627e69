using System.ComponentModel.DataAnnotations;

namespace SmartPost.Api.Teams;

/// <summary>The whole rota; PUT replaces it.</summary>
public sealed class RotaRequest : IValidatableObject
{
    /// <summary>Who screens on which weekday (at most one person per weekday).</summary>
    [Required, MaxLength(7)]
    public List<RotaWeekdayDto>? Weekdays { get; set; }

    /// <summary>Substitutes in the order they are asked.</summary>
    [Required, MaxLength(20)]
    public List<string>? Substitutes { get; set; }

    /// <summary>Planned absences (holiday, course); the screener skips an absent person.</summary>
    [MaxLength(500)]
    public List<RotaAbsenceDto>? Absences { get; set; }

    /// <summary>Swagger example: Team Helbred's week, two substitutes and a Christmas holiday.</summary>
    public static RotaRequest Example => new()
    {
        Weekdays =
        [
            new() { Weekday = DayOfWeek.Monday, Person = "anna@fstyr.dk" },
            new() { Weekday = DayOfWeek.Tuesday, Person = "bo@fstyr.dk" },
            new() { Weekday = DayOfWeek.Wednesday, Person = "anna@fstyr.dk" },
            new() { Weekday = DayOfWeek.Thursday, Person = "carsten@fstyr.dk" },
            new() { Weekday = DayOfWeek.Friday, Person = "bo@fstyr.dk" },
        ],
        Substitutes = ["dorte@fstyr.dk", "carsten@fstyr.dk"],
        Absences = [new() { Person = "bo@fstyr.dk", From = new DateOnly(2026, 12, 21), To = new DateOnly(2027, 1, 1), Reason = "Juleferie" }],
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var duplicate in (Weekdays ?? []).GroupBy(w => w.Weekday).Where(g => g.Count() > 1))
            yield return new($"{duplicate.Key} står mere end én gang.", ["weekdays"]);
        for (var i = 0; i < (Substitutes ?? []).Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Substitutes![i]) || Substitutes[i].Length > 200)
                yield return new("En stedfortræder skal have et navn (højst 200 tegn).", [$"substitutes[{i}]"]);
            else if (Substitutes.IndexOf(Substitutes[i]) < i)
                yield return new($"'{Substitutes[i]}' står to gange.", [$"substitutes[{i}]"]);
        }
        for (var i = 0; i < (Absences ?? []).Count; i++)
        {
            if (Absences![i].From > Absences[i].To)
                yield return new("Fravær slutter før det begynder.", [$"absences[{i}].to"]);
        }
    }
}

public sealed class RotaWeekdayDto
{
    /// <example>Monday</example>
    [Required]
    public DayOfWeek? Weekday { get; set; }

    /// <summary>The responsible caseworker: Entra object id or user principal name (Graph looks them up).</summary>
    /// <example>anna@fstyr.dk</example>
    [Required, StringLength(200, MinimumLength = 1)]
    public string? Person { get; set; }
}

public sealed class RotaAbsenceDto
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? Person { get; set; }

    /// <example>2026-11-23</example>
    [Required]
    public DateOnly? From { get; set; }

    /// <summary>Last day of absence (inclusive).</summary>
    [Required]
    public DateOnly? To { get; set; }

    [MaxLength(500)]
    public string? Reason { get; set; }
}

public sealed record RotaResponse(
    string Team, IReadOnlyList<RotaWeekdayDto> Weekdays, IReadOnlyList<string> Substitutes, IReadOnlyList<RotaAbsenceDto> Absences,
    string UpdatedBy, DateTimeOffset UpdatedAt)
{
    /// <summary>Swagger example: <see cref="RotaRequest.Example"/> as stored by the team lead.</summary>
    public static RotaResponse Example => new("team-helbred", RotaRequest.Example.Weekdays!, RotaRequest.Example.Substitutes!,
        RotaRequest.Example.Absences!, "lene@fstyr.dk", new DateTimeOffset(2026, 11, 20, 13, 5, 0, TimeSpan.Zero));

    public static RotaResponse From(TeamRota rota) => new(
        rota.Team,
        rota.Weekdays.OrderBy(w => ((int)w.Weekday + 6) % 7).Select(w => new RotaWeekdayDto { Weekday = w.Weekday, Person = w.Person }).ToList(),
        rota.Substitutes.OrderBy(s => s.Position).Select(s => s.Person).ToList(),
        rota.Absences.OrderBy(a => a.Position).Select(a => new RotaAbsenceDto { Person = a.Person, From = a.From, To = a.To, Reason = a.Reason }).ToList(),
        rota.UpdatedBy,
        new DateTimeOffset(rota.UpdatedAt, TimeSpan.Zero));
}
