using SmartPost.Api.Guidance;
using SmartPost.Api.Guidance.Learned;
using SmartPost.EvaluateLetters;

namespace SmartPost.Tools.TrainLetterModel;

/// <summary>
/// Leave-one-writer-out over one rules file: for each writer group, a model trained on the other groups scores its
/// letters (<see cref="LetterOutcome"/>: what the engine does with each letter under every combination).
/// </summary>
public sealed class LeaveOneWriterOut(GuidanceEngine rules, IReadOnlyList<CorpusLetter> letters)
{
    private readonly Dictionary<CorpusLetter, int[]> _features = letters.ToDictionary(l => l, l => rules.Features(l.Facts));

    public GuidanceEngine Rules => rules;

    public IReadOnlyList<string> Groups { get; } = letters.Select(l => WriterGroups.Of(l.File)).Distinct().Order().ToList();

    public IEnumerable<CorpusLetter> In(string group) => letters.Where(l => WriterGroups.Of(l.File) == group);

    /// <summary>Trains on every category-labelled letter outside <paramref name="without"/>.</summary>
    public LetterCategoryModel TrainWithout(params string[] without) => LetterModelTrainer.Model(LetterModelTrainer.Train(
        letters.Where(l => l.ExpectedCategory is not null && !without.Contains(WriterGroups.Of(l.File)))
            .Select(l => (_features[l], l.ExpectedCategory!.Value))));

    public List<LetterOutcome> Outcomes(IEnumerable<CorpusLetter> scored, LetterCategoryModel model) =>
        scored.Select(l => LetterOutcome.Of(l, rules, model)).ToList();

    /// <summary>Every group scored by the model trained without it.</summary>
    public List<HeldOut> OutOfFold() => Groups.Select(g =>
    {
        var model = TrainWithout(g);
        return new HeldOut(g, rules, model, Outcomes(In(g), model), In(g).ToList());
    }).ToList();
}

/// <summary>One held-out writer group: the rules it is read with, the model trained without it, and its outcomes.</summary>
public sealed record HeldOut(string Group, GuidanceEngine Rules, LetterCategoryModel Model, List<LetterOutcome> Outcomes, List<CorpusLetter> Letters)
{
    /// <summary>
    /// The group through the engine itself with <paramref name="combination"/> (the reported figures do not come from the
    /// outcome replay, so a mismatch between replay and engine cannot flatter them).
    /// </summary>
    public (HeldOutFigures Figures, List<(CorpusLetter, Suggestion, bool)> RulesRuns, List<(CorpusLetter, Suggestion, bool)> ModelRuns) Measure(
        Combination combination, string label, TextWriter log)
    {
        var withModel = Rules.WithSecondOpinion(combination.With(Model));
        var rulesRuns = Letters.Select(l => (l, Rules.Suggest(l.Facts, l.Standing, l.ChosenOption), false)).ToList();
        var modelRuns = rulesRuns.Select(r =>
        {
            var got = withModel.Suggest(r.l.Facts, r.l.Standing, r.l.ChosenOption);
            return (r.l, got, got.Category != r.Item2.Category);
        }).ToList();
        var (rt, mt) = (Tally.Of(rulesRuns), Tally.Of(modelRuns));
        var f = new HeldOutFigures
        {
            Group = label, Letters = rt.Letters,
            ThresholdWhenRulesClear = Combination.WhenRulesClear, ThresholdWhenRulesUnsure = combination.WhenRulesUnsure,
            CandidatesOnly = combination.CandidatesOnly, SameReplyOption = combination.SameReplyOption,
            MinimumContentWords = combination.MinimumContentWords, MinimumMargin = combination.MinimumMargin,
            Rules = rt.Figures(), WithModel = mt.Figures(),
        };
        log.WriteLine($"{label,-22} {f.Letters,4} letters; combination {combination}; overrules {mt.Overrules}; category {f.Rules.Category} → {f.WithModel.Category}; "
            + $"recommendation {f.Rules.Recommendation} → {f.WithModel.Recommendation}");
        foreach (var check in f.Rules.Checks.Keys.Union(f.WithModel.Checks.Keys))
            log.WriteLine($"    {check,-30} {f.Rules.Checks.GetValueOrDefault(check, "–")} → {f.WithModel.Checks.GetValueOrDefault(check, "–")}");
        foreach (var ((letter, got, overruled), (_, alone, _)) in modelRuns.Zip(rulesRuns).Where(x => x.First.Item3))
            log.WriteLine($"      overruled {letter}: label {letter.ExpectedCategory}/{letter.ExpectedRecommendation}, rules {alone.Category}, now {got.Category}/{got.Recommendation}");
        return (f, rulesRuns, modelRuns);
    }
}

public static class CombinationChoice
{
    /// <summary>
    /// The combination that gets the most categories right on the new writers' first runs while the known writers (the
    /// shipped rules, each group scored by a model trained without it) lose no category, and neither set has a worse
    /// recommendation or a check with lower recall or precision (<see cref="Tally.NoWorseThan"/>). Among equals the
    /// one with more known categories right, then the one that overrules least (the strictest gates). Never, unless one
    /// beats the rules on the first runs.
    /// </summary>
    public static Combination Choose(IReadOnlyList<LetterOutcome> newWriters, IReadOnlyList<LetterOutcome> knownWriters)
    {
        var newBase = Tally.Of(newWriters, Combination.Never);
        var knownBase = Tally.Of(knownWriters, Combination.Never);
        var best = (Combination: Combination.Never, New: newBase, Known: knownBase);
        // Only letters where the model disagrees with unsure rules can change; the rest count the same under every combination.
        var newMovable = newWriters.Where(o => o.ModelDisagrees && !o.RulesClear).ToList();
        var knownMovable = knownWriters.Where(o => o.ModelDisagrees && !o.RulesClear).ToList();
        var newFixed = Tally.Of(newWriters.Except(newMovable), Combination.Never);
        var knownFixed = Tally.Of(knownWriters.Except(knownMovable), Combination.Never);
        foreach (var c in Combination.Grid())
        {
            var n = newFixed.Plus(Tally.Of(newMovable, c));
            if (n.CategoryRight <= newBase.CategoryRight || !n.NoWorseThan(newBase)) continue;
            var k = knownFixed.Plus(Tally.Of(knownMovable, c));
            if (k.CategoryRight < knownBase.CategoryRight || !k.NoWorseThan(knownBase)) continue;
            var better = n.CategoryRight > best.New.CategoryRight
                || n.CategoryRight == best.New.CategoryRight && (k.CategoryRight > best.Known.CategoryRight
                    || k.CategoryRight == best.Known.CategoryRight && n.Overrules + k.Overrules < best.New.Overrules + best.Known.Overrules);
            if (better) best = (c, n, k);
        }
        return best.Combination;
    }

    /// <summary>The grid's best trade-offs without the constraints (tools/TrainLetterModel --grid): what a gate costs where.</summary>
    public static void PrintTradeOffs(IReadOnlyList<LetterOutcome> newWriters, IReadOnlyList<LetterOutcome> knownWriters, TextWriter log, int top = 40)
    {
        var (newBase, knownBase) = (Tally.Of(newWriters, Combination.Never), Tally.Of(knownWriters, Combination.Never));
        string Delta(Tally t, Tally b) => $"category {t.CategoryRight - b.CategoryRight:+0;-0;0}, recommendation {t.RecommendationRight - b.RecommendationRight:+0;-0;0}, "
            + string.Join(" ", t.Checks.Where(kv => kv.Value.Fp != b.Checks[kv.Key].Fp || kv.Value.Fn != b.Checks[kv.Key].Fn)
                .Select(kv => $"{kv.Key} fp{kv.Value.Fp - b.Checks[kv.Key].Fp:+0;-0;0} fn{kv.Value.Fn - b.Checks[kv.Key].Fn:+0;-0;0}"));
        var rows = Combination.Grid().Select(c => (c, n: Tally.Of(newWriters, c), k: Tally.Of(knownWriters, c)))
            .OrderByDescending(r => r.n.CategoryRight - newBase.CategoryRight + 2 * (r.k.CategoryRight - knownBase.CategoryRight))
            .ThenBy(r => r.n.Overrules + r.k.Overrules)
            .DistinctBy(r => Delta(r.n, newBase) + Delta(r.k, knownBase)).Take(top);
        foreach (var (c, n, k) in rows)
            log.WriteLine($"  {c}: new writers {Delta(n, newBase)} | known writers {Delta(k, knownBase)}");
    }
}
