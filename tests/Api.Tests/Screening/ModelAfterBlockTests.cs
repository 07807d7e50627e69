using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.Api.Tests.Screening;

/// <summary>
/// Where a scope blocked a kind's words ("jeg ønsker ikke aktindsigt"), the model adds that kind on its own only from
/// Screening:ModelAfterBlockThreshold, not from its usual threshold; where nothing was blocked, the usual one holds.
/// </summary>
public sealed class ModelAfterBlockTests
{
    private const string Waiver = "Tak for brevet. Jeg ønsker ikke aktindsigt i sagen.";
    private const string Neutral = "Tak for brevet. Jeg har læst det hele.";

    private static IReadOnlyList<ScreeningFlag> Screen(string text, float aktindsigtScore, float afterBlock)
    {
        var options = new ScreeningOptions { ModelAfterBlockThreshold = afterBlock };
        var screener = new ReplyScreener(TestScreener.Rules, new DueDateRules(new DanishWorkingDays(new CalendarOptions()), options),
            new FixedScorer(aktindsigtScore), options);
        return screener.Screen(null, text, TestScreener.AnyContext).Flags;
    }

    [Fact]
    public void TheRulesBlockTheWaiverAndFindNothingInTheNeutralReply()
    {
        Assert.Empty(TestScreener.Create().Screen(null, Waiver, TestScreener.AnyContext).Flags);
        Assert.Empty(TestScreener.Create().Screen(null, Neutral, TestScreener.AnyContext).Flags);
    }

    [Theory]
    [InlineData(0.65f, 0.7f, false)] // above the usual threshold (0.6), below the bar after a block
    [InlineData(0.75f, 0.7f, true)]
    [InlineData(0.75f, 0.9f, false)] // the bar before the seventeenth session
    public void AfterABlockTheModelNeedsTheAfterBlockBar(float score, float afterBlock, bool flagged)
    {
        var flags = Screen(Waiver, score, afterBlock);

        Assert.Equal(flagged, flags.Any(f => f.Kind == FlagKind.AccessToRecordsRequest && f.Certainty == Certainty.Possible));
    }

    [Fact]
    public void WithoutABlockTheUsualThresholdHolds()
    {
        var flag = Assert.Single(Screen(Neutral, 0.65f, 0.9f));

        Assert.Equal((FlagKind.AccessToRecordsRequest, Certainty.Possible), (flag.Kind, flag.Certainty));
        Assert.StartsWith("Modellen vurderer", flag.Reason);
    }

    // Aktindsigt scores as given against a threshold of 0.6; every other kind below its threshold and above the lower one.
    private sealed class FixedScorer(float aktindsigt) : IReplyScorer
    {
        public IReadOnlyDictionary<FlagKind, float> Thresholds { get; } = Enum.GetValues<FlagKind>().ToDictionary(k => k, _ => 0.6f);
        public IReadOnlyDictionary<FlagKind, float> Score(string inputText) =>
            Enum.GetValues<FlagKind>().ToDictionary(k => k, k => k == FlagKind.AccessToRecordsRequest ? aktindsigt : 0.3f);
    }
}
