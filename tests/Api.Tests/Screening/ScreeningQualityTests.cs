using SmartPost.Api.Screening;
using SmartPost.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SmartPost.Api.Tests.Screening;

/// <summary>
/// Precision and recall on our labelled sets. own-replies.jsonl grew with the engine (misspellings, paraphrases,
/// English, negations, quotes, lawyer letters, angry colloquial replies and hard negatives); blind-replies*.jsonl were
/// written before the engine saw them, as an honest estimate of generalisation. Acceptance bar of issue 3: recall
/// ≥ 97 % for aktindsigt and klage, precision ≥ 95 %.
/// </summary>
public class ScreeningQualityTests(ITestOutputHelper output)
{
    private static readonly string[] AllSets = ["own-replies.jsonl", "blind-replies.jsonl", "blind-replies-2.jsonl", "blind-replies-3.jsonl", "blind-replies-4.jsonl", "blind-replies-5.jsonl", "blind-replies-6.jsonl", "blind-replies-7.jsonl", "blind-replies-8.jsonl", "blind-replies-9.jsonl", "blind-replies-10.jsonl"];

    [Theory]
    [InlineData("own-replies.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("own-replies.jsonl", "klage", 0.97, 0.95)]
    [InlineData("own-replies.jsonl", "fristforlaengelse", 0.95, 0.95)]
    [InlineData("blind-replies.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("blind-replies.jsonl", "klage", 0.97, 0.95)]
    [InlineData("blind-replies.jsonl", "fristforlaengelse", 0.95, 0.95)]
    [InlineData("blind-replies-2.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("blind-replies-2.jsonl", "klage", 0.97, 0.95)]
    [InlineData("blind-replies-2.jsonl", "fristforlaengelse", 0.95, 0.95)]
    [InlineData("blind-replies-3.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("blind-replies-3.jsonl", "klage", 0.97, 0.95)]
    [InlineData("blind-replies-3.jsonl", "fristforlaengelse", 0.95, 0.95)]
    [InlineData("blind-replies-4.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("blind-replies-4.jsonl", "klage", 0.97, 0.95)]
    [InlineData("blind-replies-4.jsonl", "fristforlaengelse", 0.95, 0.95)]
    [InlineData("blind-replies-5.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("blind-replies-5.jsonl", "klage", 0.97, 0.95)]
    [InlineData("blind-replies-5.jsonl", "fristforlaengelse", 0.95, 0.95)]
    [InlineData("blind-replies-6.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("blind-replies-6.jsonl", "klage", 0.97, 0.95)]
    [InlineData("blind-replies-6.jsonl", "fristforlaengelse", 0.95, 0.95)]
    [InlineData("blind-replies-7.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("blind-replies-7.jsonl", "klage", 0.97, 0.95)]
    [InlineData("blind-replies-7.jsonl", "fristforlaengelse", 0.95, 0.95)]
    [InlineData("blind-replies-8.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("blind-replies-8.jsonl", "klage", 0.97, 0.95)]
    [InlineData("blind-replies-8.jsonl", "fristforlaengelse", 0.95, 0.95)]
    [InlineData("blind-replies-9.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("blind-replies-9.jsonl", "klage", 0.97, 0.95)]
    [InlineData("blind-replies-9.jsonl", "fristforlaengelse", 0.95, 0.95)]
    [InlineData("blind-replies-10.jsonl", "aktindsigt", 0.97, 0.95)]
    [InlineData("blind-replies-10.jsonl", "klage", 0.97, 0.95)]
    [InlineData("blind-replies-10.jsonl", "fristforlaengelse", 0.95, 0.95)]
    public void LabelledSetMeetsRecallAndPrecision(string set, string label, double minRecall, double minPrecision) =>
        AssertQuality([set], label, minRecall, minPrecision);

    [Theory]
    [InlineData("aktindsigt")]
    [InlineData("klage")]
    [InlineData("fristforlaengelse")]
    public void AllLabelledSetsTogetherMeetPrecision(string label) => AssertQuality(AllSets, label, 0.95, 0.95);

    [Fact]
    public void EveryReplyInTheLabelledSetsHasAValidLabelAndAUniqueId()
    {
        var replies = AllSets.SelectMany(s => LabelledReplies.Load(PathOf(s))).ToList();
        Assert.All(replies, r => Assert.All(r.Labels, l => Assert.Contains(l, LabelledReplies.LabelKinds.Keys)));
        Assert.Equal(replies.Count, replies.Select(r => r.Id).Distinct().Count());
    }

    private void AssertQuality(string[] sets, string label, double minRecall, double minPrecision)
    {
        var screener = LabelledReplies.CreateScreener();
        var replies = sets.SelectMany(s => LabelledReplies.Load(PathOf(s))).ToList();
        Assert.True(replies.Count >= 40, "a labelled set must hold at least 40 replies");

        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var mistakes = new List<string>();
        foreach (var reply in replies)
        {
            var result = screener.Screen(reply.Subject, reply.Text, LabelledReplies.AnyContext);
            var expected = reply.Labels.Contains(label);
            var actual = LabelledReplies.LabelsOf(result).Contains(label);
            if (expected && actual) truePositives++;
            if (!expected && actual) falsePositives++;
            if (expected && !actual) falseNegatives++;
            if (expected != actual) mistakes.Add($"{reply.Id} expected={expected}: {Describe(result)}");
        }

        var recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        var precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        output.WriteLine($"{string.Join("+", sets)} {label}: recall {recall:P1}, precision {precision:P1} " +
                         $"(tp {truePositives}, fp {falsePositives}, fn {falseNegatives})");
        foreach (var mistake in mistakes) output.WriteLine("  " + mistake);
        Assert.True(recall >= minRecall && precision >= minPrecision,
            $"{label}: recall {recall:P1}, precision {precision:P1}; mistakes: {string.Join(" ; ", mistakes)}");
    }

    private static string PathOf(string set) => Path.Combine(TestPaths.RepoRoot, "tests", "corpus", "replies", set);

    private static string Describe(ScreeningResult result) =>
        string.Join(" | ", result.Flags.SelectMany(f => f.Evidence.Select(e => $"{f.Kind}:'{e.Text}'")));
}
