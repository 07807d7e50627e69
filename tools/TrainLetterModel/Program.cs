using Microsoft.ML;
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
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": outPath = Path.GetFullPath(args[++i]); break;
        case "--evaluate-only": evaluateOnly = true; break;
        case "--first-runs":
            // rules-file:group pairs, e.g. /tmp/pre-c.json:blind-c /tmp/pre-d.json:blind-d
            var pairs = args[(i + 1)..].Select(a => (a[..a.LastIndexOf(':')], a[(a.LastIndexOf(':') + 1)..])).ToList();
            FirstRuns.Run(pairs, LetterCorpus.All, Console.Out);
            return 0;
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
if (Environment.GetEnvironmentVariable("LETTER_DEBUG") == "1")
{
    var tr = letters.Where(l => l.ExpectedCategory is not null).Take(400).ToList();
    var t = LetterModelTrainer.Train(tr.Select(l => (rules.Features(l.Facts), l.ExpectedCategory!.Value)));
    var m = LetterModelTrainer.Model(t);
    var ml = new Microsoft.ML.MLContext(1);
    var scored = t.Transform(ml.Data.LoadFromEnumerable(tr.Take(5).Select(l => LetterModelRow.For(l.ExpectedCategory, rules.Features(l.Facts)))));
    var scores = ml.Data.CreateEnumerable<ScoreRow>(scored, false).Select(r => r.Score).ToList();
    var i = 0;
    foreach (var l in tr.Take(5))
    {
        var f = rules.Features(l.Facts);
        var p = new float[13];
        m.Probabilities(f, p);
        Console.WriteLine($"{l} label {l.ExpectedCategory} nf {f.Length} mine {string.Join(" ", p.Select(x => x.ToString("0.00")))}");
        Console.WriteLine($"   mlnet {string.Join(" ", scores[i++].Select(x => x.ToString("0.00")))}");
    }
    return 0;
}
var watch = System.Diagnostics.Stopwatch.StartNew();
var lowo = new LeaveOneWriterOut(rules, letters, Console.Out);
var (figures, outOfFold, nestedRules, nestedModel) = lowo.Run(holdOut);
var shipped = LeaveOneWriterOut.Choose(outOfFold);
var rulesAll = Tally.Of(outOfFold, Combination.Never);
var modelAll = Tally.Of(outOfFold, shipped);
Console.WriteLine($"all groups out of fold: combination {shipped}; category {rulesAll.Figures().Category} → {modelAll.Figures().Category}; "
    + $"recommendation {rulesAll.Figures().Recommendation} → {modelAll.Figures().Recommendation} ({watch.Elapsed.TotalSeconds:0} s)");
// Adopted only when the nested evaluation shows a gain on the held-out groups, summed: more categories right, nothing worse.
var nestedGain = !shipped.IsNever && nestedModel.CategoryRight > nestedRules.CategoryRight && nestedModel.NoWorseThan(nestedRules);
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
    Adopted = nestedGain,
    LeaveOneWriterOut = figures,
};
manifest.SealAndWrite(outPath);
Console.WriteLine($"wrote {outPath} and {LetterModelManifest.PathBeside(outPath)} ({training.Count} letters; adopted: {manifest.Adopted})");
return 0;

internal sealed class ScoreRow { public float[] Score { get; set; } = []; }
