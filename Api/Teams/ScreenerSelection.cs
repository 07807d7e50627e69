using SmartPost.Api.Identity;
using SmartPost.Api.Text;

namespace SmartPost.Api.Teams;

/// <summary>
/// Who screens the team's Digital Post on a date: the weekday's responsible person, else the first available
/// substitute in order. The guideline: each team decides who screens (postkassevagt) and must have a substitute
/// during absence. Unavailable = absent in the rota, or automatic replies (out-of-office) on for that day.
/// </summary>
public static class ScreenerSelection
{
    public static async Task<ScreenerResponse> ChooseAsync(TeamRota rota, DateOnly date, IOutOfOfficeLookup outOfOffice, CancellationToken cancellationToken)
    {
        var scheduled = rota.Weekdays.FirstOrDefault(w => w.Weekday == date.DayOfWeek)?.Person;
        var candidates = new List<(string Person, bool IsSubstitute)>();
        if (scheduled is not null) candidates.Add((scheduled, false));
        candidates.AddRange(rota.Substitutes.OrderBy(s => s.Position).Select(s => s.Person)
            .Where(p => p != scheduled).Distinct().Select(p => (p, true)));

        var skipped = new List<SkippedPerson>();
        var warnings = new List<string>();
        var outOfOfficeChecked = true;
        foreach (var (person, isSubstitute) in candidates)
        {
            var absence = rota.Absences.FirstOrDefault(a => a.Person == person && a.From <= date && date <= a.To);
            if (absence is not null)
            {
                skipped.Add(new(person, SkipReason.AbsentInRota,
                    $"Fraværende {DanishTime.Date(absence.From)}–{DanishTime.Date(absence.To)}{(absence.Reason is null ? "" : $" ({absence.Reason})")}."));
                continue;
            }

            var state = await outOfOffice.GetAsync(person, date, cancellationToken);
            if (state.Status == OutOfOfficeStatus.On)
            {
                skipped.Add(new(person, SkipReason.AutomaticRepliesOn, state.Detail));
                continue;
            }
            if (state.Status == OutOfOfficeStatus.NotChecked) outOfOfficeChecked = false;
            if (state.Status == OutOfOfficeStatus.Unknown) warnings.Add($"{person}: {state.Detail}");

            return new ScreenerResponse(rota.Team, date, scheduled, person, isSubstitute,
                Explain(scheduled, person, isSubstitute, skipped), skipped, outOfOfficeChecked, warnings);
        }

        return new ScreenerResponse(rota.Team, date, scheduled, null, false,
            "Ingen på vagtplanen er til stede; teamlederen skal udpege en.",
            skipped, outOfOfficeChecked, warnings);
    }

    private static string Explain(string? scheduled, string chosen, bool isSubstitute, List<SkippedPerson> skipped)
    {
        if (!isSubstitute) return $"{chosen} har postkassevagten i dag.";
        var why = scheduled is null
            ? "ingen har vagten på denne ugedag"
            : string.Join("; ", skipped.Select(s => $"{s.Person}: {s.Detail}"));
        return $"Stedfortræder {chosen} overtager, fordi {why}.";
    }
}

public enum SkipReason { AbsentInRota, AutomaticRepliesOn }

public sealed record SkippedPerson(string Person, SkipReason Reason, string Detail);

/// <param name="Scheduled">The weekday's responsible person per the rota (null when nobody is assigned).</param>
/// <param name="Responsible">Who screens; null when nobody on the rota is available.</param>
/// <param name="Reason">Why this person, in Danish / English (e.g. why a substitute was chosen).</param>
/// <param name="OutOfOfficeChecked">False in Development, where automatic replies are not read from Graph.</param>
public sealed record ScreenerResponse(
    string Team, DateOnly Date, string? Scheduled, string? Responsible, bool IsSubstitute, string Reason,
    IReadOnlyList<SkippedPerson> Skipped, bool OutOfOfficeChecked, IReadOnlyList<string> Warnings)
{
    /// <summary>Swagger example: Tuesday's screener is on holiday, the first substitute takes over.</summary>
    public static ScreenerResponse Example => new("team-helbred", new DateOnly(2026, 12, 22), "bo@fstyr.dk", "dorte@fstyr.dk", true,
        "Stedfortræder dorte@fstyr.dk overtager, fordi bo@fstyr.dk: Fraværende 21. december 2026–1. januar 2027 (Juleferie).",
        [new SkippedPerson("bo@fstyr.dk", SkipReason.AbsentInRota, "Fraværende 21. december 2026–1. januar 2027 (Juleferie).")], true, []);
}
