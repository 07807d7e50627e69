using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.EvaluateScreening;

// Screens every labelled reply of tests/corpus/replies (or the files given) and prints the figures per file and in
// total, then the confusion list. "--quiet" leaves the confusion list out (for a held-out first run).
var quiet = args.Contains("--quiet");
var given = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var files = given.Length > 0 ? given : Directory.GetFiles(CorpusReply.CorpusDirectory(AppContext.BaseDirectory), "*.jsonl").Order().ToArray();
var screener = new ReplyScreener(ScreeningRules.Load(Path.Combine(AppContext.BaseDirectory, "Rules", "screening-concepts.json")),
    new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()));
if (args is ["--explain", .. var texts])
{
    var rules = ScreeningRules.Load(Path.Combine(AppContext.BaseDirectory, "Rules", "screening-concepts.json"));
    foreach (var text in texts) Explain.Print(rules, text, Console.Out);
    return;
}
var context = new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
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
