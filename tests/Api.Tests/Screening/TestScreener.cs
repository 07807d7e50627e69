using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>The shipped screening rules and a screener on them, as the app builds it (without a learned model).</summary>
public static class TestScreener
{
    public static string RulesPath => Path.Combine(AppContext.BaseDirectory, "Rules", "screening-concepts.json");

    public static ScreeningRules Rules { get; } = ScreeningRules.Load(RulesPath);

    public static ReplyScreener Create(ScreeningOptions? options = null, CalendarOptions? calendar = null) =>
        new(Rules, new DueDateRules(new DanishWorkingDays(calendar ?? new CalendarOptions()), options ?? new ScreeningOptions()),
            null, options);

    public static ScreeningContext AnyContext { get; } = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
}
