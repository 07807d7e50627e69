using SmartPost.Api.Screening;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.EvaluateScreening;
using Xunit.Abstractions;

namespace SmartPost.Api.Tests.Screening;

/// <summary>
/// The labelled corpus (tests/corpus/replies) through the same evaluation as `dotnet run --project tools/EvaluateScreening`:
/// per kind recall over Certain ∪ Possible and the precision of Certain, and the share of replies without any request
/// that get a flag at all. Each file must hold its own (at most one mistake or a tenth per kind: the files are small),
/// and the whole corpus the bar of docs/screening.md. The confusion list is printed for a failing run.
/// </summary>
public class CorpusEvaluationTests(ITestOutputHelper output)
{
    private static readonly ReplyScreener Screener = TestScreener.Create();

    private static readonly FlagKind[] MeasuredKinds = [FlagKind.AccessToRecordsRequest, FlagKind.Complaint, FlagKind.DeadlineExtensionRequest];

    public static TheoryData<string> CorpusFiles() => new(Directory.GetFiles(CorpusDirectory, "*.jsonl").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void EachCorpusFileMeetsTheBar(string file)
    {
        var evaluation = Evaluate(CorpusReply.Load(Path.Combine(CorpusDirectory, file)), file);
        foreach (var kind in evaluation.Kinds.Where(k => k.Positives > 0))
        {
            // At most one mistake or a tenth of the cases, whichever is more: the files are small.
            var allowed = Math.Max(1, kind.Positives / 10);
            Assert.True(kind.Positives - kind.Found <= allowed, $"{file} {kind.Kind}: recall {kind.Recall:P1}");
            Assert.True(kind.CertainFlags - kind.CertainCorrect <= allowed, $"{file} {kind.Kind}: Certain precision {kind.CertainPrecision:P1}");
        }
        Assert.True(evaluation.CleanFlaggedShare <= 0.25, $"{file}: {evaluation.CleanFlaggedShare:P1} of clean replies flagged");
    }

    [Fact]
    public void TheWholeCorpusMeetsTheBar()
    {
        var replies = Directory.GetFiles(CorpusDirectory, "*.jsonl").SelectMany(CorpusReply.Load).ToList();
        Assert.True(replies.Count >= 1_200, "the corpus holds at least 1,200 replies");
        var evaluation = Evaluate(replies, "all");
        foreach (var kind in MeasuredKinds.Select(k => evaluation[k]))
        {
            Assert.True(kind.Recall >= 0.95, $"{kind.Kind}: recall {kind.Recall:P1}");
            Assert.True(kind.CertainPrecision >= 0.97, $"{kind.Kind}: Certain precision {kind.CertainPrecision:P1}");
        }
        Assert.True(evaluation.CleanFlaggedShare <= 0.15, $"{evaluation.CleanFlaggedShare:P1} of clean replies flagged");
    }

    [Fact]
    public void EveryCorpusReplyHasAUniqueId()
    {
        var ids = Directory.GetFiles(CorpusDirectory, "*.jsonl").SelectMany(CorpusReply.Load).Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private ScreeningEvaluation Evaluate(IEnumerable<CorpusReply> replies, string title)
    {
        var evaluation = ScreeningEvaluation.Run(replies, r => Screener.Screen(r.Subject, r.Text, TestScreener.AnyContext).Flags
            .Select(f => new Finding(f.Kind, f.Certainty == Certainty.Certain)).ToList());
        var printed = new StringWriter();
        evaluation.Print(printed, title);
        output.WriteLine(printed.ToString());
        return evaluation;
    }

    private static string CorpusDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "corpus", "replies");
}
