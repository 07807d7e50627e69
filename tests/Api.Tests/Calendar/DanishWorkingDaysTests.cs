using SmartPost.Api.Calendar;

namespace SmartPost.Api.Tests.Calendar;

public class DanishWorkingDaysTests
{
    private static readonly DanishWorkingDays Default = new(new CalendarOptions());

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2020, 4, 12)]
    [InlineData(2023, 4, 9)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void EasterSundayIsComputedForTheYear(int year, int month, int day) =>
        Assert.Equal(D(year, month, day), DanishHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2025-04-17")] // skærtorsdag
    [InlineData("2025-04-18")] // langfredag
    [InlineData("2025-04-21")] // 2. påskedag
    [InlineData("2025-05-29")] // Kristi himmelfartsdag
    [InlineData("2025-06-09")] // 2. pinsedag
    [InlineData("2024-03-28")]
    [InlineData("2024-04-01")]
    [InlineData("2026-04-02")]
    [InlineData("2026-04-03")]
    [InlineData("2026-04-06")]
    [InlineData("2026-05-14")]
    [InlineData("2026-05-25")]
    [InlineData("2023-05-05")] // Store Bededag, last year it existed
    [InlineData("2025-12-25")]
    [InlineData("2025-12-26")]
    [InlineData("2026-01-01")]
    public void PublicHolidaysOnWeekdaysAreNotWorkingDays(string date) =>
        Assert.False(Default.IsWorkingDay(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2024-04-26")] // Store Bededag abolished from 2024
    [InlineData("2025-05-16")]
    [InlineData("2025-06-05")] // Grundlovsdag: a working day for state employees by default
    [InlineData("2025-12-24")]
    [InlineData("2025-12-31")]
    [InlineData("2025-04-16")]
    public void OrdinaryAndStateWorkingDaysAreWorkingDays(string date) =>
        Assert.True(Default.IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void WeekendsAreNotWorkingDays()
    {
        Assert.False(Default.IsWorkingDay(D(2025, 6, 7)));
        Assert.False(Default.IsWorkingDay(D(2025, 6, 8)));
    }

    [Fact]
    public void SevenWorkingDaysAcrossEaster2025SkipFourHolidaysAndAWeekend() =>
        Assert.Equal(D(2025, 4, 28), Default.AddWorkingDays(D(2025, 4, 14), 7));

    [Fact]
    public void OneWorkingDayAfterTheWednesdayBeforeEaster2026IsTheTuesdayAfter() =>
        Assert.Equal(D(2026, 4, 7), Default.AddWorkingDays(D(2026, 4, 1), 1));

    [Fact]
    public void StoreBededagCountsAsHolidayIn2023ButNotIn2024()
    {
        Assert.Equal(D(2023, 5, 8), Default.AddWorkingDays(D(2023, 5, 4), 1));
        Assert.Equal(D(2024, 4, 26), Default.AddWorkingDays(D(2024, 4, 25), 1));
    }

    [Fact]
    public void ChristmasEveIsAWorkingDayByDefaultAndAHolidayWhenConfigured()
    {
        Assert.Equal(D(2025, 12, 29), Default.AddWorkingDays(D(2025, 12, 22), 3));
        var lenient = new DanishWorkingDays(new CalendarOptions { ChristmasEveIsHoliday = true });
        Assert.Equal(D(2025, 12, 30), lenient.AddWorkingDays(D(2025, 12, 22), 3));
    }

    [Fact]
    public void YearEndRollsIntoTheNewYearSkippingNewYearsDay()
    {
        Assert.Equal(D(2026, 1, 2), Default.AddWorkingDays(D(2025, 12, 30), 2));
        var lenient = new DanishWorkingDays(new CalendarOptions { NewYearsEveIsHoliday = true });
        Assert.Equal(D(2026, 1, 5), lenient.AddWorkingDays(D(2025, 12, 30), 2));
    }

    [Fact]
    public void GrundlovsdagIsAHolidayOnlyWhenConfigured()
    {
        Assert.Equal(D(2025, 6, 5), Default.AddWorkingDays(D(2025, 6, 4), 1));
        var lenient = new DanishWorkingDays(new CalendarOptions { GrundlovsdagIsHoliday = true });
        Assert.Equal(D(2025, 6, 6), lenient.AddWorkingDays(D(2025, 6, 4), 1));
    }

    [Fact]
    public void ZeroWorkingDaysIsTheSameDate() => Assert.Equal(D(2025, 6, 7), Default.AddWorkingDays(D(2025, 6, 7), 0));

    [Fact]
    public void PreviousWorkingDayOfMondayIsFriday() => Assert.Equal(D(2025, 5, 30), Default.PreviousWorkingDay(D(2025, 6, 2)));

    [Fact]
    public void PreviousWorkingDayAfterEasterIsTheWednesdayBefore() =>
        Assert.Equal(D(2025, 4, 16), Default.PreviousWorkingDay(D(2025, 4, 22)));

    [Fact]
    public void PreviousWorkingDayOfJanuarySecondDependsOnNewYearsEveSetting()
    {
        Assert.Equal(D(2025, 12, 31), Default.PreviousWorkingDay(D(2026, 1, 2)));
        var lenient = new DanishWorkingDays(new CalendarOptions { NewYearsEveIsHoliday = true });
        Assert.Equal(D(2025, 12, 30), lenient.PreviousWorkingDay(D(2026, 1, 2)));
    }

    [Fact]
    public void MondayIntakeCoversFridayAndTheWeekend() =>
        Assert.Equal((D(2025, 5, 30), D(2025, 6, 1)), Default.PreviousWorkingDayIntake(D(2025, 6, 2)));

    [Fact]
    public void LocalDateIsTheCopenhagenDateIncludingSummerTime()
    {
        Assert.Equal(D(2025, 3, 31), DanishWorkingDays.LocalDate(new DateTimeOffset(2025, 3, 30, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal(D(2025, 1, 2), DanishWorkingDays.LocalDate(new DateTimeOffset(2025, 1, 1, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(D(2025, 1, 1), DanishWorkingDays.LocalDate(new DateTimeOffset(2025, 1, 1, 22, 30, 0, TimeSpan.Zero)));
    }
}
