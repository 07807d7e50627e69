using Microsoft.Extensions.Options;

namespace SmartPost.Api.Calendar;

/// <summary>
/// Danish working days: Monday to Friday except public holidays (REFERENCE.md "Deadlines"). Plain C#, used by the
/// screening due dates and by the inbox's "yesterday" screening list.
/// </summary>
public sealed class DanishWorkingDays
{
    private readonly CalendarOptions _options;

    public DanishWorkingDays(CalendarOptions options) => _options = options;

    public DanishWorkingDays(IOptions<CalendarOptions> options) : this(options.Value) { }

    /// <summary>The Danish civil time zone all due dates are counted in.</summary>
    public static TimeZoneInfo Copenhagen { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>The calendar date in Copenhagen at this instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Copenhagen).DateTime);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && DanishHolidays.HolidayName(date, _options) is null;

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="date"/> (the start day is not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var current = date;
        for (var counted = 0; counted < workingDays;)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                counted++;
            }
        }
        return current;
    }

    /// <summary>The date itself if it is a working day, otherwise the next working day (a deadline on a holiday moves forward).</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        var current = date;
        while (!IsWorkingDay(current))
        {
            current = current.AddDays(1);
        }
        return current;
    }

    /// <summary>The last working day before <paramref name="date"/> (Monday → the Friday before, skipping holidays).</summary>
    public DateOnly PreviousWorkingDay(DateOnly date)
    {
        var current = date.AddDays(-1);
        while (!IsWorkingDay(current))
        {
            current = current.AddDays(-1);
        }
        return current;
    }

    /// <summary>
    /// The intake to screen on <paramref name="today"/>: from the previous working day up to and including yesterday,
    /// so on a Monday the Friday plus the weekend (the guideline's daily "yesterday" screening).
    /// </summary>
    public (DateOnly From, DateOnly To) PreviousWorkingDayIntake(DateOnly today) =>
        (PreviousWorkingDay(today), today.AddDays(-1));
}
