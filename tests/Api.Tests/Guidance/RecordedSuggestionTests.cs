using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// Speed work must not change what the engine says. suggestions-recorded.jsonl holds category, recommendation,
/// conflict and evidence offsets of every labelled letter (sample, own, held-out; as written and upper-cased), recorded
/// with the string-per-word engine before the word lexicon replaced it (commit bb50910). When a rules change is meant
/// to change these, re-record: SMARTPOST_RECORD_SUGGESTIONS=1 dotnet test --filter RecordedSuggestionTests, and review
/// the diff.
/// </summary>
public class RecordedSuggestionTests
{
    private static string RecordedPath => Path.Combine(TestPaths.RepoRoot, "tests", "Api.Tests", "Guidance", "suggestions-recorded.jsonl");

    [Fact]
    public void EveryLabelledLetterGetsTheRecordedCategoryRecommendationAndEvidence()
    {
        var actual = Current().ToList();
        if (Environment.GetEnvironmentVariable("SMARTPOST_RECORD_SUGGESTIONS") == "1")
        {
            File.WriteAllLines(RecordedPath, actual);
        }
        var recorded = File.ReadAllLines(RecordedPath).Where(l => l.Length > 0).ToList();
        Assert.Equal(recorded.Count, actual.Count);
        for (var i = 0; i < recorded.Count; i++) Assert.Equal(recorded[i], actual[i]);
    }

    private static IEnumerable<string> Current()
    {
        foreach (var path in new[] { LabelledLetters.SamplePath, LabelledLetters.OwnPath }.Concat(LabelledLetters.HeldOutPaths))
        {
            foreach (var letter in LabelledLetters.Read(path))
            {
                foreach (var upper in new[] { false, true })
                {
                    var facts = upper
                        ? letter.Facts with { DocumentTitle = letter.DocumentTitle.ToUpperInvariant(), Text = letter.Text.ToUpperInvariant() }
                        : letter.Facts;
                    var s = TestEngine.Shipped.Suggest(facts, letter.Standing);
                    var line = new JObject
                    {
                        ["id"] = letter.Id,
                        ["upper"] = upper,
                        ["category"] = s.Category.ToString(),
                        ["recommendation"] = s.Recommendation.ToString(),
                        ["conflict"] = s.Conflict,
                        ["evidence"] = new JArray(s.Evidence.Select(e => $"{e.Field}:{e.Start}+{e.Length}:{e.Rule}")),
                    };
                    yield return line.ToString(Newtonsoft.Json.Formatting.None);
                }
            }
        }
    }
}
