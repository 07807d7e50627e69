using SmartPost.Api.Calendar;

namespace SmartPost.Api.Teams;

/// <summary>
/// "Yesterday's intake" for the daily screening (the guideline: all teams look at incoming post once a day):
/// from the start of the previous working day to the start of today, Danish time. On a Monday that is Friday,
/// Saturday and Sunday; after a holiday it reaches back over it.
/// </summary>
public sealed class ScreeningWindow(DanishWorkingDays calendar, TimeProvider clock)
{
    public (DateTime FromUtc, DateTime ToUtc) Yesterday()
    {
        var today = DanishWorkingDays.LocalDate(clock.GetUtcNow());
        return (StartOfDayUtc(calendar.PreviousWorkingDay(today)), StartOfDayUtc(today));
    }

    /// <summary>Midnight today, Danish time, in UTC.</summary>
    public DateTime TodayStartUtc() => StartOfDayUtc(DanishWorkingDays.LocalDate(clock.GetUtcNow()));

    private static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), DanishWorkingDays.Copenhagen);
}
