using System.Text;
using SmartPost.Api.Guidance;

namespace SmartPost.EvaluateLetters;

/// <summary>Recall and precision of one check over labelled letters, and the letters it got wrong.</summary>
public sealed record CheckFigures(string Label, int TruePositives, int FalsePositives, int FalseNegatives, int Labelled,
    IReadOnlyList<string> Missed, IReadOnlyList<string> FalseAlarms)
{
    public int Positives => TruePositives + FalseNegatives;
    public double Recall => Positives == 0 ? 1 : (double)TruePositives / Positives;
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
}

/// <summary>
/// Runs the shipped engine over labelled letters as the endpoint would (chosen option, exemption from the request)
/// and measures what the caseworker sees: the recommendation, the category and each send-time check.
/// </summary>
public sealed class LetterEvaluation
{
    private readonly List<(CorpusLetter Letter, Suggestion Got)> _runs;

    public LetterEvaluation(IEnumerable<CorpusLetter> letters, GuidanceEngine engine)
    {
        _runs = letters.Select(l => (l, engine.Suggest(l.Facts, l.Standing, l.ChosenOption))).ToList();
    }

    public int Count => _runs.Count;

    public (int Right, int Labelled) Recommendation => Score(r => r.Letter.ExpectedRecommendation is { } e ? e == r.Got.Recommendation : null);

    public (int Right, int Labelled) Category => Score(r => r.Letter.ExpectedCategory is { } e ? e == r.Got.Category : null);

    /// <summary>Each pair of labelled and suggested category that differ, with how often, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<(GuidanceCategory Expected, GuidanceCategory Got), int>> CategoryConfusions => _runs
        .Where(r => r.Letter.ExpectedCategory is { } e && e != r.Got.Category)
        .GroupBy(r => (r.Letter.ExpectedCategory!.Value, r.Got.Category))
        .Select(g => KeyValuePair.Create(g.Key, g.Count()))
        .OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1.ToString()).ToList();

    public IReadOnlyList<CheckFigures> Checks => CorpusLetter.CheckLabels.Select(Figures).ToList();

    public CheckFigures Figures(string label)
    {
        int tp = 0, fp = 0, fn = 0, labelled = 0;
        var missed = new List<string>();
        var falseAlarms = new List<string>();
        foreach (var (letter, got) in _runs)
        {
            if (!letter.ExpectedChecks.TryGetValue(label, out var expected)) continue;
            labelled++;
            var has = CorpusLetter.Has(got, label);
            if (expected && has) tp++;
            else if (expected) { fn++; missed.Add(Explain(letter, got)); }
            else if (has) { fp++; falseAlarms.Add(Explain(letter, got)); }
        }
        return new CheckFigures(label, tp, fp, fn, labelled, missed, falseAlarms);
    }

    /// <summary>The figures and every confusion, for a person reading the test output.</summary>
    public string Report()
    {
        var s = new StringBuilder();
        var (rr, rl) = Recommendation;
        var (cr, cl) = Category;
        s.AppendLine($"letters {Count}; recommendation {Percent(rr, rl)} ({rr}/{rl}); category {Percent(cr, cl)} ({cr}/{cl})");
        foreach (var f in Checks.Where(f => f.Labelled > 0))
        {
            s.AppendLine($"{f.Label,-30} positives {f.Positives,3}  recall {Percent(f.TruePositives, f.Positives),7}  "
                + $"precision {Percent(f.TruePositives, f.TruePositives + f.FalsePositives),7}  (of {f.Labelled} labelled)");
            foreach (var m in f.Missed) s.AppendLine($"    missed:      {m}");
            foreach (var m in f.FalseAlarms) s.AppendLine($"    false alarm: {m}");
        }
        var confusions = CategoryConfusions;
        if (confusions.Count > 0)
        {
            s.AppendLine("category confusions (expected → got):");
            foreach (var ((expected, got), count) in confusions) s.AppendLine($"    {expected} → {got}: {count}");
        }
        foreach (var (letter, got) in _runs.Where(r => r.Letter.ExpectedCategory is { } e && e != r.Got.Category
            || r.Letter.ExpectedRecommendation is { } rec && rec != r.Got.Recommendation))
        {
            s.AppendLine($"  {letter}: expected {letter.ExpectedRecommendation}/{letter.ExpectedCategory}, got {got.Recommendation}/{got.Category}"
                + $" — {got.Reasons[0]}");
        }
        return s.ToString();
    }

    /// <summary>The letter, what the engine took it for and what it found: enough to see why without a debugger.</summary>
    private static string Explain(CorpusLetter letter, Suggestion got)
    {
        var found = got.Evidence.Select(e => $"{e.Rule}:\"{Short(e.Text)}\"").Distinct().Take(4);
        return $"{letter} [{got.Category}{(got.Conflict ? ", conflict" : "")}] {string.Join(" ", found)}";
    }

    private static string Short(string text) => text.Length <= 60 ? text.ReplaceLineEndings(" ") : text[..57].ReplaceLineEndings(" ") + "…";

    private (int Right, int Labelled) Score(Func<(CorpusLetter Letter, Suggestion Got), bool?> right)
    {
        var scored = _runs.Select(right).Where(r => r is not null).ToList();
        return (scored.Count(r => r == true), scored.Count);
    }

    private static string Percent(int part, int whole) => whole == 0 ? "–" : $"{100.0 * part / whole:0.0} %";
}
