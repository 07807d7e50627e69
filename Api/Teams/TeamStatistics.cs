using SmartPost.Api.Calendar;

namespace SmartPost.Api.Teams;

/// <summary>What the statistics need of one reply (a projection; never the text).</summary>
public sealed record StatisticsRow(
    DateTime ReceivedAt, bool IsHandled, DateTime? HandledAt, DateOnly? DueDate,
    bool AccessToRecordsRequest, bool Complaint, bool DeadlineExtensionRequest, bool NeedsManualScreening);

public sealed record FlagCounts(int AccessToRecordsRequest, int Complaint, int DeadlineExtensionRequest, int NeedsManualScreening);

public sealed record ScreeningDay(DateOnly Date, int Replies, double Minutes);

/// <param name="UpToHours">Upper bound (exclusive) of received → "SmartPost behandlet" in hours; null for the last, open bucket.</param>
public sealed record HandlingTimeBucket(double? UpToHours, int Count);

/// <param name="Overdue">Still unhandled and the due date is before today (Danish time).</param>
/// <param name="HandledLate">Handled on a Danish day after its due date.</param>
/// <param name="MedianHandlingHours">Median of received → "SmartPost behandlet" over the handled replies; null when none.</param>
/// <param name="ScreeningMinutesPerDay">Every day of the period: replies received and the screening time they cost
/// (the guideline: about 1 minute per reply, Replies:ScreeningMinutesPerReply).</param>
/// <param name="HandlingTimes">The handled replies by time to "SmartPost behandlet": under 4 hours, under 1, 2 and 5 days, later.</param>
public sealed record TeamStatisticsResponse(
    string Team, DateOnly From, DateOnly To, int Received, int Handled, int Unhandled, FlagCounts PerFlag,
    int Overdue, int HandledLate, double? MedianHandlingHours, IReadOnlyList<ScreeningDay> ScreeningMinutesPerDay,
    double ScreeningMinutesTotal, IReadOnlyList<HandlingTimeBucket> HandlingTimes)
{
    /// <summary>Swagger example: one week (?from=2026-11-16&amp;to=2026-11-22) of Team Helbred.</summary>
    public static TeamStatisticsResponse Example => new("team-helbred", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), 23, 19, 4,
        new FlagCounts(5, 3, 2, 1), 1, 2, 26.5,
        [
            new(new DateOnly(2026, 11, 16), 6, 6), new(new DateOnly(2026, 11, 17), 4, 4), new(new DateOnly(2026, 11, 18), 5, 5),
            new(new DateOnly(2026, 11, 19), 3, 3), new(new DateOnly(2026, 11, 20), 4, 4), new(new DateOnly(2026, 11, 21), 1, 1),
            new(new DateOnly(2026, 11, 22), 0, 0),
        ],
        23, [new(4, 6), new(24, 8), new(48, 3), new(120, 2), new(null, 0)]);
}

/// <summary>The team lead's numbers for a period of Danish days. Plain C#: the controller only loads the rows.</summary>
public static class TeamStatistics
{
    /// <summary>Bucket bounds in hours: same morning, same day, next day, within a working week.</summary>
    private static readonly double[] HandlingTimeBounds = [4, 24, 48, 120];

    public static TeamStatisticsResponse Compute(
        string team, DateOnly from, DateOnly to, DateOnly today, double minutesPerReply, IReadOnlyList<StatisticsRow> rows)
    {
        var handled = rows.Where(r => r is { IsHandled: true, HandledAt: not null }).ToList();
        var perDay = rows.GroupBy(r => DanishDay(r.ReceivedAt)).ToDictionary(g => g.Key, g => g.Count());
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
            .Select(d => new ScreeningDay(d, perDay.GetValueOrDefault(d), perDay.GetValueOrDefault(d) * minutesPerReply))
            .ToList();

        return new TeamStatisticsResponse(
            team, from, to, rows.Count, handled.Count, rows.Count(r => !r.IsHandled),
            new FlagCounts(
                rows.Count(r => r.AccessToRecordsRequest), rows.Count(r => r.Complaint),
                rows.Count(r => r.DeadlineExtensionRequest), rows.Count(r => r.NeedsManualScreening)),
            rows.Count(r => !r.IsHandled && r.DueDate < today),
            handled.Count(r => r.DueDate is { } due && DanishDay(r.HandledAt!.Value) > due),
            Median(handled.Select(r => (r.HandledAt!.Value - r.ReceivedAt).TotalHours)),
            days, days.Sum(d => d.Minutes), HandlingTimes(handled.Select(r => (r.HandledAt!.Value - r.ReceivedAt).TotalHours)));
    }

    private static List<HandlingTimeBucket> HandlingTimes(IEnumerable<double> hours)
    {
        var counts = new int[HandlingTimeBounds.Length + 1];
        foreach (var h in hours)
        {
            var i = Array.FindIndex(HandlingTimeBounds, bound => h < bound);
            counts[i < 0 ? HandlingTimeBounds.Length : i]++;
        }
        return counts.Select((count, i) => new HandlingTimeBucket(i < HandlingTimeBounds.Length ? HandlingTimeBounds[i] : null, count)).ToList();
    }

    public static DateOnly DanishDay(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DanishWorkingDays.Copenhagen));

    public static DateTime StartOfDanishDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), DanishWorkingDays.Copenhagen);

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return Math.Round(median, 2);
    }
}
