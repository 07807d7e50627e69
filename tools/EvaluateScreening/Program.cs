using System.Globalization;
using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;
using SmartPost.EvaluateScreening;

// dotnet run --project tools/EvaluateScreening -- [files...] [--quiet] [--model <zip>] [--raise-threshold <0..1>]
//   [--rules] [--flags] [--explain "text"...] [--show <reply id>...]
// Screens every labelled reply of tests/corpus/replies (or the files given) and prints the figures per file and in
// total, then the confusion list.
//   --quiet               leaves the confusion list out (for a held-out first run)
//   --model <zip>         puts the learned second opinion in the loop, as the API does
//   --oof <scores.jsonl> <manifest.json>
//                         replays out-of-fold scores (tools/TrainScreeningModel --scores-out) with the thresholds of the
//                         same run instead: rules and model measured together on batches the model did not see
//   --by-writer           with --oof from a leave-one-writer-out run (TrainScreeningModel --folds writer): figures per
//                         held-out batch of the files given (all corpus batches without), for the rules alone and
//                         several ways of using the model, side by side; nested thresholds come from the other files
//   --policies <text>     with --by-writer: only the policies whose name contains the text (e.g. "nested")
//   --pool <names>        with --by-writer: also a row pooled over these batches, comma-separated file names without
//                         .jsonl (e.g. the hand-written writers: blind-replies-Y,blind-replies-S,…)
//   --model-only          with --model or --oof: every flag the model made on its own, right or wrong, with its score
//   --cost <zip>...       in-process cost per reply of each model (InputText + Score) next to the rule screening
//   --raise-threshold <p> the model score that raises the rules' Possible to Certain (Screening:ModelRaiseThreshold,
//                         default 0.9), to try another setting before changing the option
//   --lower-threshold <p> the model score below which the rules' Certain becomes Possible (Screening:ModelLowerThreshold)
//   --after-block <p>     the model score that adds a finding on its own where a scope blocked the kind's words
//                         (Screening:ModelAfterBlockThreshold, default 0.7)
//   --rules               per kind and Possible reason: how often a flag was right, wrong and on a clean reply
//   --flags               one line per reply: labels and every flag (kind, certainty, reason), for before/after diffs
//   --dump                one line per reply: the whole screening result as JSON (benchmarks/engine-identity.sh diffs two builds)
//   --curve               with --oof and --model: recall against clean replies flagged at several false-positive budgets
//                         (thresholds chosen as the trainer does), on the out-of-fold corpus and on --unseen <files...>
//                         scored by the model, then where every flag comes from (OperatingCurve, docs/screening.md)
//   --without <ids>       with --curve: also the rules without these rules (comma-separated ids); may be repeated
//   --add-rules <file>    with --curve: also the rules with this file's concepts and rules added; may be repeated
//   --explain "text"      how the core reads a text and which rules fire
//   --show <id>...        the same for corpus replies by id (or those of the .jsonl files given), with subject, labels and
//                         the flags the screener gives
var quiet = args.Contains("--quiet");
var modelPath = ValueOf("--model");
var raise = ValueOf("--raise-threshold") is { } r ? float.Parse(r, CultureInfo.InvariantCulture) : new ScreeningOptions().ModelRaiseThreshold;
var lower = ValueOf("--lower-threshold") is { } l ? float.Parse(l, CultureInfo.InvariantCulture) : new ScreeningOptions().ModelLowerThreshold;
var afterBlock = ValueOf("--after-block") is { } a ? float.Parse(a, CultureInfo.InvariantCulture) : new ScreeningOptions().ModelAfterBlockThreshold;
var rulesPath = Path.Combine(AppContext.BaseDirectory, "Rules", "screening-concepts.json");
var rules = ScreeningRules.Load(rulesPath);
if (args is ["--explain", .. var texts])
{
    foreach (var text in texts) Explain.Print(rules, text, Console.Out);
    return;
}
if (args is ["--cost", .. var costModels])
{
    ModelCost.Run(rules, Directory.GetFiles(CorpusReply.CorpusDirectory(AppContext.BaseDirectory), "*.jsonl").Order(StringComparer.Ordinal)
        .SelectMany(CorpusReply.Load).ToList(), costModels, Console.Out);
    return;
}
string[] optionsWithValue = ["--model", "--raise-threshold", "--lower-threshold", "--after-block", "--oof", "--policies", "--pool"];
var given = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !optionsWithValue.Contains(args[i - 1]))
    && (i < 2 || args[i - 2] != "--oof")).ToArray();
var oofAt = Array.IndexOf(args, "--oof");
IReplyScorer? scorer = oofAt >= 0 && oofAt + 2 < args.Length ? new RecordedScores(args[oofAt + 1], args[oofAt + 2])
    : modelPath is null ? null : ReplyClassifier.Load(modelPath);
if (args.Contains("--curve"))
{
    if (scorer is not RecordedScores oof || modelPath is null) throw new ArgumentException("--curve needs --oof <scores.jsonl> <manifest.json> and --model <zip>");
    var unseenAt = Array.IndexOf(args, "--unseen");
    var unseen = unseenAt < 0 ? [] : args.Skip(unseenAt + 1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal))
        .Select(f => (Path.GetFileNameWithoutExtension(f), CorpusReply.Load(f))).ToList();
    List<RulesVariant> variants = [new("today's rules", rules)];
    variants.AddRange(ValuesOf("--without").Select(ids => RulesVariant.Without(rules, ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
    variants.AddRange(ValuesOf("--add-rules").Select(file => RulesVariant.Adding(rules, file)));
    OperatingCurve.Run(variants, oof, ReplyClassifier.Load(modelPath), Directory.GetFiles(CorpusReply.CorpusDirectory(AppContext.BaseDirectory), "*.jsonl")
        .Order(StringComparer.Ordinal).SelectMany(CorpusReply.Load).ToList(), unseen, Console.Out);
    return;
}
if (args.Contains("--by-writer"))
{
    if (scorer is not RecordedScores recorded) throw new ArgumentException("--by-writer needs --oof <scores.jsonl> <manifest.json>");
    // The files given, else every corpus batch: a run that held out only some batches (TrainScreeningModel --hold-out)
    // is replayed on those, so the nested thresholds are chosen on the other held-out batches' scores, not on unscored ones.
    WriterEvaluation.Run(rules, recorded, given.Length > 0 ? given.Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList()
            : Directory.GetFiles(CorpusReply.CorpusDirectory(AppContext.BaseDirectory), "*.jsonl").Order(StringComparer.Ordinal).ToList(),
        WriterEvaluation.DefaultPolicies().Where(p => ValueOf("--policies") is not { } only || p.Name.Contains(only, StringComparison.Ordinal)).ToList(),
        raise, Console.Out, ValueOf("--pool")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    return;
}
var screener = new ReplyScreener(rules, new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()),
    scorer, new ScreeningOptions { ModelRaiseThreshold = raise, ModelLowerThreshold = lower, ModelAfterBlockThreshold = afterBlock });
var context = new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
var corpus = CorpusReply.CorpusDirectory(AppContext.BaseDirectory);
var showAt = Array.IndexOf(args, "--show");
if (showAt >= 0)
{
    var ids = args.Skip(showAt + 1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
    // The .jsonl files given (a probe batch), else the corpus.
    var showFiles = given.Where(g => g.EndsWith(".jsonl", StringComparison.Ordinal)).ToArray();
    foreach (var reply in (showFiles.Length > 0 ? showFiles : Directory.GetFiles(corpus, "*.jsonl").Order().ToArray()).SelectMany(CorpusReply.Load)
        .Where(x => ids.Contains(x.Id)))
    {
        Console.WriteLine($"=== {reply.Id} [{reply.Subject}] labels: {string.Join(", ", reply.Kinds)} — {reply.Note}");
        Console.WriteLine(reply.Text);
        Console.WriteLine("--- text");
        Explain.Print(rules, reply.Text, Console.Out, rulesOnly: true, subject: reply.Subject);
        if (!string.IsNullOrWhiteSpace(reply.Subject))
        {
            Console.WriteLine("--- subject");
            Explain.Print(rules, reply.Subject, Console.Out, rulesOnly: true);
        }
        foreach (var flag in screener.Screen(reply.Subject, reply.Text, context).Flags)
            Console.WriteLine($"  FLAG {flag.Kind} {flag.Certainty} {flag.Reason}");
    }
    return;
}

var files = given.Length > 0 ? given : Directory.GetFiles(corpus, "*.jsonl").Order().ToArray();
if (args.Contains("--model-only") && scorer is { } modelScorer)
{
    // Every flag the model made on its own: right, wrong (another kind) or on a clean reply, with its score and threshold.
    foreach (var reply in files.SelectMany(CorpusReply.Load))
    {
        var scores = modelScorer.Score(ReplyClassifier.InputText(reply.Subject, reply.Text));
        foreach (var flag in screener.Screen(reply.Subject, reply.Text, context).Flags.Where(f => f.Evidence.Count == 0 && f.Reason?.StartsWith("Modellen", StringComparison.Ordinal) == true))
        {
            if (!reply.IsJudgedOn(flag.Kind)) continue;
            var verdict = reply.Kinds.Contains(flag.Kind) ? "right" : reply.Kinds.Count == 0 ? "CLEAN" : "wrong";
            Console.WriteLine($"{verdict} {flag.Kind,-28} {scores[flag.Kind]:F3} / {modelScorer.Thresholds[flag.Kind]:F3}  {reply.Id}");
        }
    }
    return;
}
if (args.Contains("--flags"))
{
    // One line per reply: its labels and every flag with certainty and reason, to diff two builds reply by reply.
    foreach (var reply in files.SelectMany(CorpusReply.Load))
    {
        var flags = screener.Screen(reply.Subject, reply.Text, context).Flags.Select(f => $"{f.Kind}/{f.Certainty}/{f.Reason}");
        Console.WriteLine($"{reply.Id}\tlabels: {string.Join(",", reply.Kinds)}\tflags: {string.Join(" | ", flags)}");
    }
    return;
}
if (args.Contains("--dump"))
{
    foreach (var reply in files.SelectMany(CorpusReply.Load))
        Console.WriteLine($"{reply.Id}\t{Newtonsoft.Json.JsonConvert.SerializeObject(screener.Screen(reply.Subject, reply.Text, context))}");
    return;
}
if (args.Contains("--rules"))
{
    // Per rule: how often its flag lands on a reply labelled with the kind (right) or not (wrong), and on clean replies.
    var tally = new SortedDictionary<string, (int Right, int Wrong, int Clean)>(StringComparer.Ordinal);
    foreach (var reply in files.SelectMany(CorpusReply.Load))
    {
        foreach (var flag in screener.Screen(reply.Subject, reply.Text, context).Flags)
        {
            if (!reply.IsJudgedOn(flag.Kind)) continue;
            var key = $"{flag.Kind,-28} {flag.Certainty,-9} {flag.Reason}";
            tally.TryGetValue(key, out var t);
            var right = reply.Kinds.Contains(flag.Kind);
            tally[key] = (t.Right + (right ? 1 : 0), t.Wrong + (right ? 0 : 1), t.Clean + (reply.Kinds.Count == 0 ? 1 : 0));
        }
    }
    foreach (var (key, t) in tally) Console.WriteLine($"{key}  right {t.Right,4}  wrong {t.Wrong,4}  on clean {t.Clean,4}");
    return;
}
IReadOnlyList<Finding> Screen(CorpusReply reply) =>
    screener.Screen(reply.Subject, reply.Text, context).Flags.Select(f => new Finding(f.Kind, f.Certainty == Certainty.Certain)).ToList();

var all = new List<CorpusReply>();
foreach (var file in files)
{
    var replies = CorpusReply.Load(file);
    all.AddRange(replies);
    ScreeningEvaluation.Run(replies, Screen).Print(Console.Out, Path.GetFileName(file), withConfusions: false);
}
ScreeningEvaluation.Run(all, Screen).Print(Console.Out, $"all {all.Count} replies", withConfusions: !quiet);

// A rough speed figure on this machine (the benchmark of record is benchmarks/…/ScreeningBenchmarks).
var bytes = all.Sum(x => System.Text.Encoding.UTF8.GetByteCount(x.Text) + System.Text.Encoding.UTF8.GetByteCount(x.Subject ?? ""));
var watch = System.Diagnostics.Stopwatch.StartNew();
foreach (var reply in all) screener.Screen(reply.Subject, reply.Text, context);
Console.WriteLine($"screened {bytes / 1024} kB in {watch.ElapsedMilliseconds} ms: {bytes / 1e6 / watch.Elapsed.TotalSeconds:F1} MB/s (one thread, warm)");

IEnumerable<string> ValuesOf(string option) =>
    args.Select((a, i) => (a, i)).Where(x => x.a == option).Select(x => x.i + 1 < args.Length ? args[x.i + 1] : throw new ArgumentException($"{option} needs a value"));

string? ValueOf(string option)
{
    var at = Array.IndexOf(args, option);
    if (at < 0) return null;
    return at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{option} needs a value");
}
