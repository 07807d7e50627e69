using SmartPost.Api.Guidance;
using SmartPost.Api.Guidance.Learned;
using SmartPost.EvaluateLetters;

namespace SmartPost.Tools.TrainLetterModel;

/// <summary>
/// Leave-one-writer-out: for each writer group, a model trained on the other groups scores its letters through the engine.
/// The combination used on a held-out group is chosen without it (nested): on the other groups, each scored by a model
/// trained without that group and without the held-out one. So no figure reported for a group was fitted on it.
/// </summary>
public sealed class LeaveOneWriterOut(GuidanceEngine rules, IReadOnlyList<CorpusLetter> letters, TextWriter log)
{
    private readonly Dictionary<CorpusLetter, int[]> _features = letters.ToDictionary(l => l, l => rules.Features(l.Facts));

    public IReadOnlyList<string> Groups { get; } = letters.Select(l => WriterGroups.Of(l.File)).Distinct().Order().ToList();

    private IEnumerable<CorpusLetter> In(string group) => letters.Where(l => WriterGroups.Of(l.File) == group);

    /// <summary>Trains on every category-labelled letter outside <paramref name="without"/>.</summary>
    public LetterCategoryModel TrainWithout(params string[] without) => LetterModelTrainer.Model(LetterModelTrainer.Train(
        letters.Where(l => l.ExpectedCategory is not null && !without.Contains(WriterGroups.Of(l.File)))
            .Select(l => (_features[l], l.ExpectedCategory!.Value))));

    public List<LetterOutcome> Outcomes(IEnumerable<CorpusLetter> scored, LetterCategoryModel model) =>
        scored.Select(l => LetterOutcome.Of(l, rules, model)).ToList();

    /// <summary>
    /// The combination that gets the most categories right on these outcomes without a worse recommendation or check
    /// (<see cref="Tally.NoWorseThan"/>); among equals the one that overrules the rules least. Never, unless one beats the rules.
    /// </summary>
    public static Combination Choose(IReadOnlyList<LetterOutcome> outcomes)
    {
        var baseline = Tally.Of(outcomes, Combination.Never);
        var best = (Combination: Combination.Never, Tally: baseline);
        foreach (var c in Combination.Grid())
        {
            var t = Tally.Of(outcomes, c);
            if (!t.NoWorseThan(baseline)) continue;
            if (t.CategoryRight > best.Tally.CategoryRight || t.CategoryRight == best.Tally.CategoryRight && t.Overrules < best.Tally.Overrules && t.CategoryRight > baseline.CategoryRight)
                best = (c, t);
        }
        return best.Combination;
    }

    /// <summary>
    /// Runs the nested evaluation; returns per group the figures and the out-of-fold outcomes of every letter (each scored
    /// by the model trained without its group), from which the shipped combination is chosen.
    /// </summary>
    public (List<HeldOutFigures> Figures, List<LetterOutcome> OutOfFold, Tally Rules, Tally WithModel) Run(IReadOnlyCollection<string>? only = null)
    {
        var figures = new List<HeldOutFigures>();
        var outOfFold = new List<LetterOutcome>();
        var rulesRuns = new List<(CorpusLetter, Suggestion, bool)>();
        var modelRuns = new List<(CorpusLetter, Suggestion, bool)>();
        foreach (var held in Groups.Where(g => only is null || only.Contains(g)))
        {
            var inner = new List<LetterOutcome>();
            foreach (var other in Groups.Where(g => g != held))
                inner.AddRange(Outcomes(In(other), TrainWithout(held, other)));
            var chosen = Choose(inner);

            var model = TrainWithout(held);
            var outcomes = Outcomes(In(held), model);
            outOfFold.AddRange(outcomes);
            // The reported figures come from the engine itself with the chosen combination, not from the outcome replay.
            var withModel = rules.WithSecondOpinion(chosen.With(model));
            var heldRules = In(held).Select(l => (l, rules.Suggest(l.Facts, l.Standing, l.ChosenOption), false)).ToList();
            var heldModel = heldRules.Select(r =>
            {
                var got = withModel.Suggest(r.l.Facts, r.l.Standing, r.l.ChosenOption);
                return (r.l, got, got.Category != r.Item2.Category);
            }).ToList();
            rulesRuns.AddRange(heldRules);
            modelRuns.AddRange(heldModel);
            var rulesTally = Tally.Of(heldRules);
            var modelTally = Tally.Of(heldModel);
            var f = new HeldOutFigures
            {
                Group = held, Letters = rulesTally.Letters,
                ThresholdWhenRulesClear = chosen.WhenRulesClear, ThresholdWhenRulesUnsure = chosen.WhenRulesUnsure, CandidatesOnly = chosen.CandidatesOnly, SameReplyOption = chosen.SameReplyOption,
                Rules = rulesTally.Figures(), WithModel = modelTally.Figures(),
            };
            figures.Add(f);
            log.WriteLine($"{held,-10} {f.Letters,4} letters; combination {chosen}; overrules {modelTally.Overrules}; category {f.Rules.Category} → {f.WithModel.Category}; "
                + $"recommendation {f.Rules.Recommendation} → {f.WithModel.Recommendation}");
            foreach (var label in f.Rules.Checks.Keys.Union(f.WithModel.Checks.Keys))
                log.WriteLine($"    {label,-30} {f.Rules.Checks.GetValueOrDefault(label, "–")} → {f.WithModel.Checks.GetValueOrDefault(label, "–")}");
            foreach (var o in outcomes.Where(o => o.ModelDisagrees && o.Letter.ExpectedCategory is not null))
                log.WriteLine($"      disagree {o.Letter}: label {o.Letter.ExpectedCategory}, rules {o.Rules.Category}, model {o.Overruled.Category} p={o.Probability:0.00} {(o.RulesClear ? "clear" : "unsure")}{(o.Candidate ? " candidate" : "")}");
        }
        return (figures, outOfFold, Tally.Of(rulesRuns), Tally.Of(modelRuns));
    }
}
