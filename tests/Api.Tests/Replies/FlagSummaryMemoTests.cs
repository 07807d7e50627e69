using SmartPost.Api.Replies;

namespace SmartPost.Api.Tests.Replies;

/// <summary>A list row's flag summaries are remembered by the stored JSON, so a changed JSON is read again.</summary>
public class FlagSummaryMemoTests
{
    private static string Flags(string kind, string? verdict = null) =>
        $$"""[{"kind":"{{kind}}","subKind":null,"dueDate":"2026-12-15","certainty":"Possible","evidence":[{"text":"x","start":0,"length":1}]{{(verdict is null ? "" : $$""","correction":{"verdict":"{{verdict}}","by":"cw-anna"}""")}}}]""";

    [Fact]
    public void TheSameFlagsReadTwiceGiveTheSameSummaries()
    {
        var json = Flags("AccessToRecordsRequest");
        var first = ReplyViews.Summaries(new Reply { FlagsJson = json });
        var again = ReplyViews.Summaries(new Reply { FlagsJson = new string(json.AsSpan()) }); // equal text, another string

        Assert.Equal(first, again);
        var flag = Assert.Single(again);
        Assert.Equal(("AccessToRecordsRequest", "Possible", new DateOnly(2026, 12, 15)), (flag.Kind, flag.Certainty, flag.DueDate!.Value));
    }

    [Fact]
    public void ACorrectedFlagShowsItsVerdictAlthoughTheUncorrectedOneWasRememberedFirst()
    {
        Assert.Null(Assert.Single(ReplyViews.Summaries(new Reply { FlagsJson = Flags("Complaint") })).Verdict);

        var corrected = ReplyViews.Summaries(new Reply { FlagsJson = Flags("Complaint", verdict: "Rejected") });

        Assert.Equal("Rejected", Assert.Single(corrected).Verdict);
    }

    [Fact]
    public void MoreDifferentFlagsThanTheMemoHoldsAreStillEachReadRight()
    {
        for (var i = 0; i < FlagSummaryMemo.MaxEntries + 50; i++)
        {
            var kind = $"Kind{i}";
            Assert.Equal(kind, Assert.Single(ReplyViews.Summaries(new Reply { FlagsJson = Flags(kind) })).Kind);
        }
        Assert.Equal("Kind7", Assert.Single(ReplyViews.Summaries(new Reply { FlagsJson = Flags("Kind7") })).Kind);
    }
}
