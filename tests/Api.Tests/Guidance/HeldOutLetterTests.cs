using SmartPost.Api.Guidance;
using Xunit.Abstractions;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// Generalisation check over every held-out file (letters-heldout*.jsonl), each written before its author read the rules:
/// reports accuracy per category and the failing ids, and holds the bar the issue sets on each file (≥ 95 % overall; every
/// exempt recipient and every conflict right). First-run figures per round: heldout-rounds.md.
/// </summary>
public class HeldOutLetterTests(ITestOutputHelper output)
{
    private sealed record Outcome(LabelledLetter Letter, Suggestion Got)
    {
        public bool RecommendationRight => Got.Recommendation == Letter.ExpectedRecommendation;
        public bool Right => RecommendationRight && Got.Category == Letter.ExpectedCategory
            && (Letter.ExpectedConflict is not { } conflict || conflict == Got.Conflict);
    }

    public static TheoryData<string> Files => new(LabelledLetters.HeldOutPaths.Select(Path.GetFileName)!);

    private static List<Outcome> Run(string file) => LabelledLetters.Read(LabelledLetters.HeldOutFile(file))
        .Select(l => new Outcome(l, TestEngine.Shipped.Suggest(l.Facts, l.Standing)))
        .ToList();

    [Theory]
    [MemberData(nameof(Files))]
    public void HeldOutLettersReachNinetyFivePercentOverall(string file)
    {
        var outcomes = Run(file);
        Report(outcomes);
        var accuracy = (double)outcomes.Count(o => o.Right) / outcomes.Count;
        Assert.True(outcomes.Count >= 60, $"the held-out set has only {outcomes.Count} letters");
        Assert.True(accuracy >= 0.95, $"held-out accuracy {accuracy:P1}; failing: {Failing(outcomes)}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void HeldOutExemptRecipientsAllGetPhysicalMail(string file)
    {
        var exempt = Run(file).Where(o => o.Letter.Exempt == true).ToList();
        Assert.True(exempt.Count >= 5, "too few exempt recipients to say anything");
        Assert.All(exempt, o => Assert.True(o.RecommendationRight, Describe(o)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void HeldOutConflictCasesAllGetTheReplyOptionAndAreFlagged(string file)
    {
        var conflicts = Run(file).Where(o => o.Letter.ExpectedConflict == true).ToList();
        Assert.True(conflicts.Count >= 5, "too few conflict cases to say anything");
        Assert.All(conflicts, o => Assert.True(o.RecommendationRight && o.Got.Conflict, Describe(o)));
    }

    private void Report(List<Outcome> outcomes)
    {
        output.WriteLine($"overall {outcomes.Count(o => o.Right)}/{outcomes.Count}");
        foreach (var group in outcomes.GroupBy(o => o.Letter.ExpectedCategory).OrderBy(g => g.Key.ToString()))
        {
            var failing = group.Where(o => !o.Right).Select(o => o.Letter.Id);
            output.WriteLine($"{group.Key,-26} {group.Count(o => o.Right)}/{group.Count()}  {string.Join(" ", failing)}");
        }
        foreach (var o in outcomes.Where(o => !o.Right)) output.WriteLine(Describe(o));
    }

    private static string Failing(List<Outcome> outcomes) =>
        string.Join(", ", outcomes.Where(o => !o.Right).Select(o => o.Letter.Id));

    private static string Describe(Outcome o) =>
        $"{o.Letter.Id}: expected {o.Letter.ExpectedRecommendation}/{o.Letter.ExpectedCategory}, got "
        + $"{o.Got.Recommendation}/{o.Got.Category}{(o.Got.Conflict ? " (conflict)" : "")} — {string.Join(" | ", o.Got.Reasons)}";
}
