using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.EvaluateLetters;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// Engine work must not change what the engine says unnoticed. suggestions-recorded.jsonl holds category,
/// recommendation, conflict, evidence offsets and check codes of every corpus letter (as written and upper-cased).
/// When a rules change is meant to change these, re-record: SMARTPOST_RECORD_SUGGESTIONS=1 dotnet test --filter
/// RecordedSuggestionTests, and review the diff (last re-recorded for the move onto the text core and the send-time checks).
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
        foreach (var file in LetterCorpus.Files)
        {
            foreach (var letter in LetterCorpus.Read(file))
            {
                foreach (var upper in new[] { false, true })
                {
                    var facts = upper
                        ? letter.Facts with { DocumentTitle = letter.Facts.DocumentTitle.ToUpperInvariant(), Text = letter.Facts.Text.ToUpperInvariant() }
                        : letter.Facts;
                    var s = TestEngine.Shipped.Suggest(facts, letter.Standing, letter.ChosenOption);
                    var line = new JObject
                    {
                        ["id"] = letter.ToString(),
                        ["upper"] = upper,
                        ["category"] = s.Category.ToString(),
                        ["recommendation"] = s.Recommendation.ToString(),
                        ["conflict"] = s.Conflict,
                        ["evidence"] = new JArray(s.Evidence.Select(e => $"{e.Field}:{e.Start}+{e.Length}:{e.Rule}")),
                        ["checks"] = new JArray(s.Checks.Select(c => c.Code)),
                    };
                    yield return line.ToString(Newtonsoft.Json.Formatting.None);
                }
            }
        }
    }
}
