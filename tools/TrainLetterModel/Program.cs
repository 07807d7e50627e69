using SmartPost.Api.Guidance;
using SmartPost.Api.Guidance.Learned;
using SmartPost.EvaluateLetters;
using SmartPost.Tools.TrainLetterModel;

// Trains the letter category model on tests/corpus/letters, evaluates it leave-one-writer-out through the engine, chooses
// how it combines with the rules (probability, evidence gates) from that evaluation, and writes Api/Rules/letter-model.zip
// with its sealed manifest. The committed model is retrained with tools/TrainLetterModel/retrain.sh (it gives the first runs).
//   dotnet run --project tools/TrainLetterModel -- --first-run RULES:GROUP ... [--new-writer FILE ...] [--evaluate-only] [--out PATH]
var outPath = Path.GetFullPath(Path.Combine(LetterCorpus.Folder, "..", "..", "..", "Api", "Rules", "letter-model.zip"));
var evaluateOnly = false;
var rulesPath = Path.Combine(AppContext.BaseDirectory, "Rules", "guideline-rules.json");
var firstRuns = new List<(string RulesPath, string Group)>();
var newWriterFiles = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": outPath = Path.GetFullPath(args[++i]); break;
        case "--evaluate-only": evaluateOnly = true; break;
        // The grid's best trade-offs on all first runs and known writers, without the choice's constraints; then stops.
        case "--grid": break;
        // A batch's first run: the rules file as it was before the batch was folded in, e.g. --first-run /tmp/pre-d.json:blind-d
        case "--first-run":
            var pair = args[++i];
            firstRuns.Add((Path.GetFullPath(pair[..pair.LastIndexOf(':')]), pair[(pair.LastIndexOf(':') + 1)..]));
            break;
        // Letters of a writer neither the shipped rules nor the corpus have seen (a blind batch not folded in): read by
        // the shipped rules and the model trained on the whole corpus. Only measured: never trained on, never used to choose.
        case "--new-writer": newWriterFiles.Add(Path.GetFullPath(args[++i])); break;
        case "--time":
            var r = GuidanceEngine.FromFile(rulesPath, new MaterialNames());
            var all = LetterCorpus.All;
            var m = LetterModelTrainer.Model(LetterModelTrainer.Train(all.Where(l => l.ExpectedCategory is not null).Select(l => (r.Features(l.Facts), l.ExpectedCategory!.Value))));
            SuggestCost.Print(r, m, all, Console.Out);
            return 0;
        default: Console.Error.WriteLine($"Unknown argument '{args[i]}'."); return 2;
    }
}
if (firstRuns.Count == 0)
{
    // The shipped rules were fitted to every group of the corpus: without first runs nothing measures a new writer.
    Console.Error.WriteLine("Give the first runs (--first-run RULES:GROUP), or retrain with tools/TrainLetterModel/retrain.sh.");
    return 2;
}

var watch = System.Diagnostics.Stopwatch.StartNew();
var rules = GuidanceEngine.FromFile(rulesPath, new MaterialNames());
var letters = LetterCorpus.All;
var known = new LeaveOneWriterOut(rules, letters).OutOfFold();
var batches = FirstRuns.Read(firstRuns, letters);
Console.WriteLine($"{known.Count} writer groups and {batches.Count} first runs scored out of fold ({watch.Elapsed.TotalSeconds:0} s)");

// Nested: the combination applied to a held-out group is chosen without any of its letters (neither its first run nor
// its letters under the shipped rules), so no reported figure was fitted on the group it describes.
static string BaseGroup(string label) => label.Replace(" (first run)", "");
Combination ChooseWithout(string group) => CombinationChoice.Choose(
    batches.Where(b => BaseGroup(b.Group) != group).SelectMany(b => b.Outcomes).ToList(),
    known.Where(k => k.Group != group).SelectMany(k => k.Outcomes).ToList());

(List<HeldOutFigures> Figures, Tally Rules, Tally WithModel) MeasureNested(IEnumerable<HeldOut> groups, string title)
{
    Console.WriteLine(title);
    var figures = new List<HeldOutFigures>();
    var (rulesRuns, modelRuns) = (new List<(CorpusLetter, Suggestion, bool)>(), new List<(CorpusLetter, Suggestion, bool)>());
    foreach (var held in groups)
    {
        var (f, r, m) = held.Measure(ChooseWithout(BaseGroup(held.Group)), held.Group, Console.Out);
        figures.Add(f);
        rulesRuns.AddRange(r);
        modelRuns.AddRange(m);
    }
    var (rt, mt) = (Tally.Of(rulesRuns), Tally.Of(modelRuns));
    Console.WriteLine($"  all: category {rt.Figures().Category} → {mt.Figures().Category}; recommendation {rt.Figures().Recommendation} → {mt.Figures().Recommendation}; "
        + $"overrules {mt.Overrules}; " + string.Join("; ", rt.Figures().Checks.Select(kv => $"{kv.Key} {kv.Value} → {mt.Figures().Checks.GetValueOrDefault(kv.Key, "–")}")));
    return (figures, rt, mt);
}

if (args.Contains("--grid"))
{
    CombinationChoice.PrintTradeOffs(batches.SelectMany(b => b.Outcomes).ToList(), known.SelectMany(k => k.Outcomes).ToList(), Console.Out);
    return 0;
}
var firstRunTable = MeasureNested(batches, "first runs (new writers), combination chosen without the batch:");
var knownTable = MeasureNested(known, "shipped rules (known writers), each group's model and combination chosen without it:");
var shipped = CombinationChoice.Choose(batches.SelectMany(b => b.Outcomes).ToList(), known.SelectMany(k => k.Outcomes).ToList());

// Adopted only when the nested figures show a gain for new writers and no loss for known ones: more categories right on
// the first runs, no fewer on the known writers, and on both no recommendation and no check worse (Tally.NoWorseThan).
var adopted = !shipped.IsNever
    && firstRunTable.WithModel.CategoryRight > firstRunTable.Rules.CategoryRight && firstRunTable.WithModel.NoWorseThan(firstRunTable.Rules)
    && knownTable.WithModel.CategoryRight >= knownTable.Rules.CategoryRight && knownTable.WithModel.NoWorseThan(knownTable.Rules);
Console.WriteLine($"chosen on all first runs and known writers: {shipped}; adopted: {adopted} ({watch.Elapsed.TotalSeconds:0} s)");
// The model never picks against clear rules; where it is sure of another kind, the engine says it is unsure instead.
var doubt = DoubtChoice.Choose(batches.SelectMany(b => b.Outcomes).ToList(), known.SelectMany(k => k.Outcomes).ToList(), shipped, Console.Out);
var doubts = batches.Concat(known).ToDictionary(h => h.Group, h =>
{
    var (n, wrong) = DoubtChoice.Count(h.Outcomes, shipped, doubt);
    return $"{n} doubted, rules wrong on {wrong}";
});
Console.WriteLine($"doubt clear rules at ≥ {doubt:0.000}: " + string.Join("; ", doubts.Select(kv => $"{kv.Key} {kv.Value}")));

var training = letters.Where(l => l.ExpectedCategory is not null).ToList();
var transformer = LetterModelTrainer.Train(training.Select(l => (rules.Features(l.Facts), l.ExpectedCategory!.Value)));
var model = LetterModelTrainer.Model(transformer);
var newWriterFigures = new List<HeldOutFigures>();
foreach (var file in newWriterFiles)
{
    var held = LetterCorpus.Read(file).ToList();
    var writer = new HeldOut(Path.GetFileNameWithoutExtension(file) + " (new writer)", rules, model, [], held);
    newWriterFigures.Add(writer.Measure(shipped, writer.Group, Console.Out).Figures);
}
if (evaluateOnly) return 0;

LetterModelTrainer.Save(transformer, outPath);
var manifest = new LetterModelManifest
{
    TrainingDataSha256 = LetterModelManifest.TrainingDataSha256Of(training.Select(l => (l.Facts, l.ExpectedCategory!.Value))),
    TrainingLetters = training.Count,
    Sources = LetterCorpus.Files.Select(f => "tests/corpus/letters/" + f).ToList(),
    Trainer = LetterModelTrainer.Description,
    Features = LetterFeatures.Description,
    Seed = LetterModelTrainer.Seed,
    ThresholdWhenRulesClear = Combination.WhenRulesClear,
    ThresholdWhenRulesUnsure = shipped.WhenRulesUnsure,
    ThresholdToDoubtClearRules = doubt,
    Doubts = doubts,
    CandidatesOnly = shipped.CandidatesOnly,
    SameReplyOption = shipped.SameReplyOption,
    MinimumContentWords = shipped.MinimumContentWords,
    MinimumMargin = shipped.MinimumMargin,
    Adopted = adopted,
    LeaveOneWriterOut = knownTable.Figures,
    FirstRunLeaveOneWriterOut = firstRunTable.Figures,
    NewWriters = newWriterFigures,
};
manifest.SealAndWrite(outPath);
Console.WriteLine($"wrote {outPath} and {LetterModelManifest.PathBeside(outPath)} ({training.Count} letters; adopted: {manifest.Adopted})");
return 0;
