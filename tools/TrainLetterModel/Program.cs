using SmartPost.Api.Guidance;
using SmartPost.Api.Guidance.Learned;
using SmartPost.EvaluateLetters;
using SmartPost.Tools.TrainLetterModel;

// Trains the letter category model on tests/corpus/letters, evaluates it leave-one-writer-out through the engine, chooses
// how it combines with the rules from that evaluation, and writes Api/Rules/letter-model.zip with its sealed manifest.
//   dotnet run --project tools/TrainLetterModel -- [--out Api/Rules/letter-model.zip] [--evaluate-only]
var outPath = Path.GetFullPath(Path.Combine(LetterCorpus.Folder, "..", "..", "..", "Api", "Rules", "letter-model.zip"));
var evaluateOnly = false;
var rulesPath = Path.Combine(AppContext.BaseDirectory, "Rules", "guideline-rules.json");
string[]? holdOut = null;
var firstRuns = new List<(string RulesPath, string Group)>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": outPath = Path.GetFullPath(args[++i]); break;
        case "--evaluate-only": evaluateOnly = true; break;
        case "--unsure-only": Combination.UnsureOnly = true; break;
        // A batch's first run: the rules file as it was before the batch was folded in, e.g. --first-run /tmp/pre-d.json:blind-d
        case "--first-run":
            var pair = args[++i];
            firstRuns.Add((Path.GetFullPath(pair[..pair.LastIndexOf(':')]), pair[(pair.LastIndexOf(':') + 1)..]));
            break;
        case "--time":
            var r = GuidanceEngine.FromFile(Path.Combine(AppContext.BaseDirectory, "Rules", "guideline-rules.json"), new MaterialNames());
            var all = LetterCorpus.All;
            var m = LetterModelTrainer.Model(LetterModelTrainer.Train(all.Where(l => l.ExpectedCategory is not null).Select(l => (r.Features(l.Facts), l.ExpectedCategory!.Value))));
            SuggestCost.Print(r, m, all, Console.Out);
            return 0;
        // An earlier rules file (one that never saw a batch) measures what the model adds on a writer the rules have not
        // met either; such runs only evaluate.
        case "--rules": rulesPath = Path.GetFullPath(args[++i]); evaluateOnly = true; break;
        case "--hold-out": holdOut = args[++i].Split(','); evaluateOnly = true; break;
        default: Console.Error.WriteLine($"Unknown argument '{args[i]}'."); return 2;
    }
}

var rules = GuidanceEngine.FromFile(rulesPath, new MaterialNames());
var letters = LetterCorpus.All;
var watch = System.Diagnostics.Stopwatch.StartNew();
var lowo = new LeaveOneWriterOut(rules, letters, Console.Out);
var (figures, outOfFold, nestedRules, nestedModel) = lowo.Run(holdOut);
var shipped = LeaveOneWriterOut.Choose(outOfFold);
var rulesAll = Tally.Of(outOfFold, Combination.Never);
var modelAll = Tally.Of(outOfFold, shipped);
Console.WriteLine($"all groups out of fold: combination {shipped}; category {rulesAll.Figures().Category} → {modelAll.Figures().Category}; "
    + $"recommendation {rulesAll.Figures().Recommendation} → {modelAll.Figures().Recommendation} ({watch.Elapsed.TotalSeconds:0} s)");
// Adopted only when leave-one-writer-out shows a gain: more categories right on the held-out groups, summed, with no
// recommendation and no check worse (Tally.NoWorseThan). With first runs given, they decide (and choose the combination):
// the shipped rules were fitted to every group of the corpus, so only a first run shows what happens with a new writer.
var adoptionEvidence = (Rules: nestedRules, WithModel: nestedModel);
var firstRunFigures = new List<HeldOutFigures>();
if (firstRuns.Count > 0)
{
    var (chosen, frFigures, frRules, frModel) = FirstRuns.Run(firstRuns, letters, Console.Out);
    shipped = chosen;
    firstRunFigures = frFigures;
    adoptionEvidence = (frRules, frModel);
    Console.WriteLine($"first runs, all batches: category {frRules.Figures().Category} → {frModel.Figures().Category}; "
        + $"recommendation {frRules.Figures().Recommendation} → {frModel.Figures().Recommendation}; "
        + string.Join("; ", frRules.Figures().Checks.Select(kv => $"{kv.Key} {kv.Value} → {frModel.Figures().Checks.GetValueOrDefault(kv.Key, "–")}")));
}
var nestedGain = !shipped.IsNever && adoptionEvidence.WithModel.CategoryRight > adoptionEvidence.Rules.CategoryRight
    && adoptionEvidence.WithModel.RecommendationRight >= adoptionEvidence.Rules.RecommendationRight
    && adoptionEvidence.WithModel.Checks.All(kv => Precision(kv.Value) >= Precision(adoptionEvidence.Rules.Checks[kv.Key]) - 1e-9);
Console.WriteLine($"adopted: {nestedGain} (combination {shipped})");
// The same combination over the shipped rules, each group scored by the model trained without it: the rules were fitted
// to every group, so this counts how often the model overrules a right answer the rules learnt (not a new-writer figure).
var fittedWithShipped = Tally.Of(outOfFold, shipped);
Console.WriteLine($"shipped rules, model out of fold, combination {shipped}: category {rulesAll.Figures().Category} → {fittedWithShipped.Figures().Category}; "
    + $"recommendation {rulesAll.Figures().Recommendation} → {fittedWithShipped.Figures().Recommendation}; overrules {fittedWithShipped.Overrules}; "
    + string.Join("; ", rulesAll.Figures().Checks.Select(kv => $"{kv.Key} {kv.Value} → {fittedWithShipped.Figures().Checks.GetValueOrDefault(kv.Key, "–")}")));
Console.WriteLine($"nested leave-one-writer-out, all groups: category {nestedRules.Figures().Category} → {nestedModel.Figures().Category}; "
    + $"recommendation {nestedRules.Figures().Recommendation} → {nestedModel.Figures().Recommendation}; "
    + string.Join("; ", nestedRules.Figures().Checks.Select(kv => $"{kv.Key} {kv.Value} → {nestedModel.Figures().Checks.GetValueOrDefault(kv.Key, "–")}")));
if (evaluateOnly) return 0;

var training = letters.Where(l => l.ExpectedCategory is not null).ToList();
var transformer = LetterModelTrainer.Train(training.Select(l => (rules.Features(l.Facts), l.ExpectedCategory!.Value)));
LetterModelTrainer.Save(transformer, outPath);
var manifest = new LetterModelManifest
{
    TrainingDataSha256 = LetterModelManifest.TrainingDataSha256Of(training.Select(l => (l.Facts, l.ExpectedCategory!.Value))),
    TrainingLetters = training.Count,
    Sources = LetterCorpus.Files.Select(f => "tests/corpus/letters/" + f).ToList(),
    Trainer = LetterModelTrainer.Description,
    Features = LetterFeatures.Description,
    Seed = LetterModelTrainer.Seed,
    ThresholdWhenRulesClear = shipped.WhenRulesClear,
    ThresholdWhenRulesUnsure = shipped.WhenRulesUnsure,
    CandidatesOnly = shipped.CandidatesOnly,
    SameReplyOption = shipped.SameReplyOption,
    Adopted = nestedGain,
    LeaveOneWriterOut = figures,
    FirstRunLeaveOneWriterOut = firstRunFigures,
};
manifest.SealAndWrite(outPath);
Console.WriteLine($"wrote {outPath} and {LetterModelManifest.PathBeside(outPath)} ({training.Count} letters; adopted: {manifest.Adopted})");
return 0;

static double Precision((int Tp, int Fp, int Fn) c) => c.Tp + c.Fp == 0 ? 1 : (double)c.Tp / (c.Tp + c.Fp);
