using SmartPost.EvaluateLetters;
using Xunit.Abstractions;

namespace SmartPost.Api.Tests.Guidance.Corpus;

/// <summary>
/// The send-time guidance measured on the labelled letter corpus (tests/corpus/letters, labelled by LABELS.md). Each
/// file is evaluated and reported on its own; the bars hold for the whole corpus and for every file with enough
/// positives to say anything. The same figures, readable: dotnet run --project tools/EvaluateLetters
/// </summary>
public class LetterCorpusTests(ITestOutputHelper output)
{
    private const double CheckRecall = 0.97;
    private const double CheckPrecision = 0.95;
    private const double RecommendationAccuracy = 0.985;
    private const double CategoryAccuracy = 0.97;
    private const int EnoughPositives = 10;

    public static TheoryData<string> Files => new(LetterCorpus.Files);

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFileMeetsTheBars(string file)
    {
        var evaluation = new LetterEvaluation(LetterCorpus.Read(file), TestEngine.Shipped);
        output.WriteLine(evaluation.Report());
        AssertBars(evaluation, minimumPositives: EnoughPositives);
    }

    [Fact]
    public void WholeCorpusMeetsTheBars()
    {
        var evaluation = new LetterEvaluation(LetterCorpus.All, TestEngine.Shipped);
        output.WriteLine(evaluation.Report());
        Assert.True(evaluation.Count >= 500, $"the corpus has only {evaluation.Count} letters");
        AssertBars(evaluation, minimumPositives: 1);
    }

    private static void AssertBars(LetterEvaluation evaluation, int minimumPositives)
    {
        var failures = new List<string>();
        var (recommendationRight, recommendationLabelled) = evaluation.Recommendation;
        if (recommendationLabelled > 0 && (double)recommendationRight / recommendationLabelled < RecommendationAccuracy)
            failures.Add($"recommendation {recommendationRight}/{recommendationLabelled}");
        var (categoryRight, categoryLabelled) = evaluation.Category;
        if (categoryLabelled > 0 && (double)categoryRight / categoryLabelled < CategoryAccuracy)
            failures.Add($"category {categoryRight}/{categoryLabelled}");
        foreach (var check in evaluation.Checks.Where(c => c.Positives >= minimumPositives))
        {
            if (check.Recall < CheckRecall) failures.Add($"{check.Label} recall {check.Recall:P1}: missed {string.Join("; ", check.Missed)}");
            if (check.Precision < CheckPrecision) failures.Add($"{check.Label} precision {check.Precision:P1}: {string.Join("; ", check.FalseAlarms)}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
