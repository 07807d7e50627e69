using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.EvaluateScreening;

// Screens every labelled reply of tests/corpus/replies (or the files given) and prints the figures per file and in
// total, then the confusion list. "--quiet" leaves the confusion list out (for a held-out first run).
var quiet = args.Contains("--quiet");
// "--model <zip>" puts the learned second opinion in the loop, as the API does.
var modelAt = Array.IndexOf(args, "--model");
var modelPath = modelAt >= 0 && modelAt + 1 < args.Length ? args[modelAt + 1] : null;
var given = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (modelAt < 0 || i != modelAt + 1)).ToArray();
var files = given.Length > 0 ? given : Directory.GetFiles(CorpusReply.CorpusDirectory(AppContext.BaseDirectory), "*.jsonl").Order().ToArray();
var screener = new ReplyScreener(ScreeningRules.Load(Path.Combine(AppContext.BaseDirectory, "Rules", "screening-concepts.json")),
    new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()),
    modelPath is null ? null : SmartPost.Api.Screening.Learned.ReplyClassifier.Load(modelPath),
    new ScreeningOptions { ModelRaiseThreshold = float.Parse(Environment.GetEnvironmentVariable("SCREENING_RAISE") ?? "0.9", System.Globalization.CultureInfo.InvariantCulture) });
if (args is ["--explain", .. var texts])
{
    var rules = ScreeningRules.Load(Path.Combine(AppContext.BaseDirectory, "Rules", "screening-concepts.json"));
    foreach (var text in texts) Explain.Print(rules, text, Console.Out);
    return;
}
var context = new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
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
IReadOnlyList<Finding> Screen(CorpusReply r) =>
    screener.Screen(r.Subject, r.Text, context).Flags.Select(f => new Finding(f.Kind, f.Certainty == Certainty.Certain)).ToList();

var all = new List<CorpusReply>();
foreach (var file in files)
{
    var replies = CorpusReply.Load(file);
    all.AddRange(replies);
    ScreeningEvaluation.Run(replies, Screen).Print(Console.Out, Path.GetFileName(file), withConfusions: false);
}
ScreeningEvaluation.Run(all, Screen).Print(Console.Out, $"all {all.Count} replies", withConfusions: !quiet);

// A rough speed figure on this machine (the benchmark of record is benchmarks/…/ScreeningBenchmarks).
var bytes = all.Sum(r => System.Text.Encoding.UTF8.GetByteCount(r.Text) + System.Text.Encoding.UTF8.GetByteCount(r.Subject ?? ""));
var watch = System.Diagnostics.Stopwatch.StartNew();
foreach (var reply in all) screener.Screen(reply.Subject, reply.Text, context);
Console.WriteLine($"screened {bytes / 1024} kB in {watch.ElapsedMilliseconds} ms: {bytes / 1e6 / watch.Elapsed.TotalSeconds:F1} MB/s (one thread, warm)");
