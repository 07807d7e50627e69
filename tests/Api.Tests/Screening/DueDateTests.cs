using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

public class DueDateTests
{
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private static ScreeningFlag FlagFor(FlagKind kind, string text, ScreeningContext context, ScreeningOptions? options = null)
    {
        var result = TestScreener.Create(options).Screen(null, text, context);
        return Assert.Single(result.Flags, f => f.Kind == kind);
    }

    [Fact]
    public void AktindsigtGetsSevenAndFourteenWorkingDaysAcrossEaster()
    {
        var flag = FlagFor(FlagKind.AccessToRecordsRequest, "Jeg beder om aktindsigt.",
            new ScreeningContext(new DateTimeOffset(2025, 4, 14, 10, 0, 0, Summer)));
        Assert.Equal(AccessSubKind.Offentlighedsloven, flag.SubKind);
        Assert.Equal(new DateOnly(2025, 4, 28), flag.DueDate);
        Assert.Equal([new DateOnly(2025, 4, 28), new DateOnly(2025, 5, 7)], flag.Deadlines.Select(d => d.Date));
        Assert.Equal([DueDateRules.AccessDecisionCode, DueDateRules.AccessDelayComplaintCode], flag.Deadlines.Select(d => d.Code));
        Assert.Contains("§ 36", flag.Deadlines[0].Rule);
        Assert.Contains("fristbrev", flag.Deadlines[0].Rule);
        Assert.Contains("14 arbejdsdage", flag.Deadlines[1].Rule);
    }

    [Fact]
    public void ReceivedLateEveningUtcCountsFromTheCopenhagenDate()
    {
        // 22:30 UTC on Sunday 13 April is 00:30 on Monday 14 April in Copenhagen.
        var flag = FlagFor(FlagKind.AccessToRecordsRequest, "Jeg beder om aktindsigt.",
            new ScreeningContext(new DateTimeOffset(2025, 4, 13, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, 4, 28), flag.DueDate);
    }

    [Fact]
    public void GdprInsightRequestGetsOneCalendarMonthExtendableByTwo()
    {
        var flag = FlagFor(FlagKind.AccessToRecordsRequest, "Jf. GDPR artikel 15 beder jeg om alle oplysninger, I har om mig.",
            new ScreeningContext(new DateTimeOffset(2025, 1, 31, 9, 0, 0, TimeSpan.FromHours(1))));
        Assert.Equal(AccessSubKind.GdprArticle15, flag.SubKind);
        Assert.Equal(new DateOnly(2025, 2, 28), flag.DueDate);
        Assert.Equal(DueDateRules.GdprAnswerCode, Assert.Single(flag.Deadlines).Code);
        Assert.Contains("to måneder", flag.Rule);
    }

    [Fact]
    public void ComplaintWithinFourWeeksOfNotificationIsInTime()
    {
        var flag = FlagFor(FlagKind.Complaint, "Jeg klager over afgørelsen.",
            new ScreeningContext(new DateTimeOffset(2025, 5, 20, 9, 0, 0, Summer), new DateTimeOffset(2025, 5, 2, 8, 0, 0, Summer)));
        Assert.True(flag.InTime);
        Assert.Equal(new DateOnly(2025, 5, 30), flag.Deadlines.Single(d => d.Code == DueDateRules.AppealDeadlineCode).Date);
        Assert.Contains("inden for klagefristen", flag.Rule);
        Assert.Contains("Trafikstyrelsen", flag.Rule);
    }

    [Fact]
    public void ComplaintAfterTheAppealDeadlineIsNotInTime()
    {
        var flag = FlagFor(FlagKind.Complaint, "Jeg klager over afgørelsen.",
            new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, Summer), new DateTimeOffset(2025, 5, 2, 8, 0, 0, Summer)));
        Assert.False(flag.InTime);
        Assert.Contains("efter klagefristen", flag.Rule);
    }

    [Fact]
    public void AppealDeadlineOnAHolidayRunsToTheNextWorkingDay()
    {
        // 1 May + 4 weeks = 29 May 2025, Kristi himmelfartsdag.
        var flag = FlagFor(FlagKind.Complaint, "Jeg klager over afgørelsen.",
            new ScreeningContext(new DateTimeOffset(2025, 5, 30, 9, 0, 0, Summer), new DateTimeOffset(2025, 5, 1, 8, 0, 0, Summer)));
        Assert.Equal(new DateOnly(2025, 5, 30), flag.Deadlines.Single(d => d.Code == DueDateRules.AppealDeadlineCode).Date);
        Assert.True(flag.InTime);
    }

    [Fact]
    public void ComplaintWithUnknownNotificationHasNoInTimeVerdict()
    {
        var flag = FlagFor(FlagKind.Complaint, "Jeg klager over afgørelsen.",
            new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, Summer)));
        Assert.Null(flag.InTime);
        Assert.Contains("kan ikke kontrolleres", flag.Rule);
        Assert.Equal(DueDateRules.ComplaintForwardCode, Assert.Single(flag.Deadlines).Code);
    }

    [Fact]
    public void ComplaintForwardDeadlineUsesConfiguredWorkingDays()
    {
        var context = new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, Summer));
        // 3, 4, 5 (Grundlovsdag is a working day), 6, 10, 11, 12 June: 9 June is 2. pinsedag.
        Assert.Equal(new DateOnly(2025, 6, 12), FlagFor(FlagKind.Complaint, "Jeg klager.", context).DueDate);
        var quick = new ScreeningOptions { ComplaintForwardWorkingDays = 3 };
        Assert.Equal(new DateOnly(2025, 6, 5), FlagFor(FlagKind.Complaint, "Jeg klager.", context, quick).DueDate);
    }

    [Fact]
    public void ExtensionRequestGetsConfiguredWorkingDays()
    {
        var context = new ScreeningContext(new DateTimeOffset(2025, 12, 22, 9, 0, 0, TimeSpan.FromHours(1)));
        var flag = FlagFor(FlagKind.DeadlineExtensionRequest, "Kan jeg få en uge mere?", context);
        Assert.Equal(new DateOnly(2025, 12, 31), flag.DueDate); // 23, 24, 29, 30, 31 December
        Assert.Equal(DueDateRules.ExtensionAnswerCode, Assert.Single(flag.Deadlines).Code);
    }
}
