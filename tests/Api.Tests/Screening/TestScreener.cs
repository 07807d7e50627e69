using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.Api.Tests.Screening;

/// <summary>The shipped screening rules and a screener on them, as the app builds it (with or without the shipped model).</summary>
public static class TestScreener
{
    public static string RulesPath => Path.Combine(AppContext.BaseDirectory, "Rules", "screening-concepts.json");

    public static ScreeningRules Rules { get; } = ScreeningRules.Load(RulesPath);

    public static ReplyScreener Create(ScreeningOptions? options = null, CalendarOptions? calendar = null) =>
        new(Rules, new DueDateRules(new DanishWorkingDays(calendar ?? new CalendarOptions()), options ?? new ScreeningOptions()),
            null, options);

    private static readonly ReplyScreener RulesOnly = Create();

    /// <summary>A reply's text, without a subject, screened by the shipped rules alone.</summary>
    public static ScreeningResult ScreenByRules(string text) => RulesOnly.Screen(null, text, AnyContext);

    /// <summary>The committed model (Api/Rules/screening-model.zip), loaded once: the app's second opinion.</summary>
    public static ReplyClassifier ShippedModel => LazyModel.Value;

    private static readonly Lazy<ReplyClassifier> LazyModel = new(() =>
        ReplyClassifier.Shared(Path.Combine(AppContext.BaseDirectory, "Rules", "screening-model.zip")));

    /// <summary>Rules and the shipped model, as the app screens.</summary>
    public static ReplyScreener CreateWithModel() =>
        new(Rules, new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()), ShippedModel, new ScreeningOptions());

    public static ScreeningContext AnyContext { get; } = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
}
