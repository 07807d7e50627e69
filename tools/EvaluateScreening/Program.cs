using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.EvaluateScreening;

// Screens every labelled reply of tests/corpus/replies (or the files given) and prints the figures per file and in total.
var files = args.Length > 0 ? args : Directory.GetFiles(CorpusReply.CorpusDirectory(AppContext.BaseDirectory), "*.jsonl").Order().ToArray();
var screener = new ReplyScreener(ScreeningLexicon.Load(Path.Combine(AppContext.BaseDirectory, "Rules", "screening-lexicon.json")),
    new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()));
var context = new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
IReadOnlyList<Finding> Screen(CorpusReply r) =>
    screener.Screen(r.Subject, r.Text, context).Flags.Select(f => new Finding(f.Kind, true)).ToList();

var all = new List<CorpusReply>();
foreach (var file in files)
{
    var replies = CorpusReply.Load(file);
    all.AddRange(replies);
    ScreeningEvaluation.Run(replies, Screen).Print(Console.Out, Path.GetFileName(file), withConfusions: false);
}
ScreeningEvaluation.Run(all, Screen).Print(Console.Out, $"all {all.Count} replies");
