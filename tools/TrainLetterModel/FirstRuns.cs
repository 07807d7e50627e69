using SmartPost.Api.Guidance;
using SmartPost.Api.Guidance.Learned;
using SmartPost.EvaluateLetters;

namespace SmartPost.Tools.TrainLetterModel;

/// <summary>
/// Leave-one-writer-out on first runs: each blind batch read by the rules file as it was before that batch was folded in
/// (so neither the rules nor the model has seen the writer — the situation of a new writer in production), with a model
/// trained on every other group. The combination applied to one batch is chosen on the other batches' first runs only.
/// With the shipped rules every group is fitted data for the rules, so only this shows what the model adds for a new writer.
/// </summary>
public static class FirstRuns
{
    public sealed record Batch(string Group, GuidanceEngine Rules, List<LetterOutcome> Outcomes, LetterCategoryModel Model);

    public static (Combination Chosen, List<HeldOutFigures> Figures, Tally Rules, Tally WithModel) Run(IReadOnlyList<(string RulesPath, string Group)> batches,
        IReadOnlyList<CorpusLetter> letters, TextWriter log)
    {
        var runs = batches.Select(b =>
        {
            var rules = GuidanceEngine.FromFile(b.RulesPath, new MaterialNames());
            var lowo = new LeaveOneWriterOut(rules, letters, TextWriter.Null);
            var model = lowo.TrainWithout(b.Group);
            return new Batch(b.Group, rules, lowo.Outcomes(letters.Where(l => WriterGroups.Of(l.File) == b.Group), model), model);
        }).ToList();

        var figures = new List<HeldOutFigures>();
        var allRules = new List<(CorpusLetter, Suggestion, bool)>();
        var allModel = new List<(CorpusLetter, Suggestion, bool)>();
        foreach (var held in runs)
        {
            var chosen = LeaveOneWriterOut.Choose(runs.Where(r => r != held).SelectMany(r => r.Outcomes).ToList());
            var engine = held.Rules.WithSecondOpinion(chosen.With(held.Model));
            var rulesRuns = held.Outcomes.Select(o => (o.Letter, o.Rules, false)).ToList();
            var modelRuns = held.Outcomes.Select(o =>
            {
                var got = engine.Suggest(o.Letter.Facts, o.Letter.Standing, o.Letter.ChosenOption);
                return (o.Letter, got, got.Category != o.Rules.Category);
            }).ToList();
            allRules.AddRange(rulesRuns);
            allModel.AddRange(modelRuns);
            var (r, m) = (Tally.Of(rulesRuns), Tally.Of(modelRuns));
            var f = new HeldOutFigures
            {
                Group = held.Group + " (first run)", Letters = r.Letters,
                ThresholdWhenRulesClear = chosen.WhenRulesClear, ThresholdWhenRulesUnsure = chosen.WhenRulesUnsure, CandidatesOnly = chosen.CandidatesOnly, SameReplyOption = chosen.SameReplyOption,
                Rules = r.Figures(), WithModel = m.Figures(),
            };
            figures.Add(f);
            log.WriteLine($"{held.Group} first run: combination chosen on the others {chosen}; overrules {m.Overrules}; category {f.Rules.Category} → {f.WithModel.Category}; "
                + $"recommendation {f.Rules.Recommendation} → {f.WithModel.Recommendation}");
            foreach (var label in f.Rules.Checks.Keys.Union(f.WithModel.Checks.Keys))
                log.WriteLine($"    {label,-30} {f.Rules.Checks.GetValueOrDefault(label, "–")} → {f.WithModel.Checks.GetValueOrDefault(label, "–")}");
            foreach (var (letter, got, overruled) in modelRuns.Where(x => x.Item3))
                log.WriteLine($"      overruled {letter}: label {letter.ExpectedCategory}/{letter.ExpectedRecommendation}, rules {held.Outcomes.First(o => o.Letter == letter).Rules.Category}, now {got.Category}/{got.Recommendation}");
        }
        var all = LeaveOneWriterOut.Choose(runs.SelectMany(r => r.Outcomes).ToList());
        log.WriteLine($"chosen on all first runs: {all}");
        return (all, figures, Tally.Of(allRules), Tally.Of(allModel));
    }
}
