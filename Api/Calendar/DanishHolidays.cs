namespace SmartPost.Api.Calendar;

/// <summary>Danish public holidays (helligdage), the movable ones computed from Easter Sunday.</summary>
public static class DanishHolidays
{
    /// <summary>The last year Store Bededag was a public holiday (abolished from 2024).</summary>
    public const int LastStoreBededagYear = 2023;

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian computus, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The Danish name of the holiday on this date, or null if it is not one.</summary>
    public static string? HolidayName(DateOnly date, CalendarOptions options)
    {
        switch (date.Month, date.Day)
        {
            case (1, 1): return "Nytårsdag";
            case (12, 25): return "Juledag";
            case (12, 26): return "2. juledag";
            case (6, 5) when options.GrundlovsdagIsHoliday: return "Grundlovsdag";
            case (12, 24) when options.ChristmasEveIsHoliday: return "Juleaftensdag";
            case (12, 31) when options.NewYearsEveIsHoliday: return "Nytårsaftensdag";
        }

        var offset = date.DayNumber - EasterSunday(date.Year).DayNumber;
        return offset switch
        {
            -3 => "Skærtorsdag",
            -2 => "Langfredag",
            0 => "Påskedag",
            1 => "2. påskedag",
            26 when date.Year <= LastStoreBededagYear => "Store Bededag",
            39 => "Kristi himmelfartsdag",
            49 => "Pinsedag",
            50 => "2. pinsedag",
            _ => null,
        };
    }
}
