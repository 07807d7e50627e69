namespace SmartPost.Api.Teams;

/// <summary>
/// "Yesterday's intake" for the daily screening (the guideline: all teams look at incoming post once a day):
/// from the start of the previous working day to the start of today, Danish time. On a Monday that is Friday,
/// Saturday and Sunday; after a holiday it reaches back over it.
/// </summary>
public sealed class ScreeningWindow(Func<DateOnly, DateOnly> previousWorkingDay, TimeProvider clock)
{
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public (DateTime FromUtc, DateTime ToUtc) Yesterday()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Copenhagen).DateTime);
        return (StartOfDayUtc(previousWorkingDay(today)), StartOfDayUtc(today));
    }

    private static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Copenhagen);
}
