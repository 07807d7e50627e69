using System.Globalization;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;

namespace SmartPost.Benchmarks.ScreeningBackstop;

/// <summary>
/// The statistical backstop experiment (issue 3): evaluates "lexicon OR classifier" against the lexicon alone by
/// grouped 5-fold cross-validation and leave-one-set-out with the lexicon each blind set met on its first run,
/// The experiment was a NO-GO (blind-sets.md), so nothing of it ships in the API.
/// Run: dotnet run -c Release --project benchmarks/Benchmarks -- screening-backstop eval &lt;repo root&gt;
/// </summary>
public static class ScreeningBackstopTool
{
    private static readonly string[] Sets = ["replies-sample.jsonl", "own-replies.jsonl", "blind-replies.jsonl", "blind-replies-2.jsonl", "blind-replies-3.jsonl", "blind-replies-4.jsonl"];
    private static readonly string[] Labels = ["aktindsigt", "klage", "fristforlaengelse"];
    private static readonly double[] Grid = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95];
    private static readonly Dictionary<string, FlagKind> LabelKinds = new()
    {
        ["aktindsigt"] = FlagKind.AccessToRecordsRequest, ["klage"] = FlagKind.Complaint, ["fristforlaengelse"] = FlagKind.DeadlineExtensionRequest,
    };
    private static readonly ScreeningContext Context = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));

    private sealed record Reply(string Id, string Set, string? Subject, string Text, string[] Labels)
    {
        public HashSet<string> Features { get; set; } = [];
        public HashSet<string> Lexicon { get; set; } = [];
    }

    public static int Run(string mode, string root)
    {
        var lexicon = ScreeningLexicon.Load(Path.Combine(root, "Api", "Rules", "screening-lexicon.json"));
        var screener = Screener(lexicon);
        var replies = Sets.SelectMany(s => Load(root, s)).ToList();
        foreach (var r in replies)
        {
            var result = screener.Screen(r.Subject, r.Text, Context);
            r.Features = ReplyFeatures.Names(CitizenSubject(lexicon, r.Subject), result.OwnText);
            r.Lexicon = LabelsOf(result);
        }
        if (mode != "eval") throw new ArgumentException("mode: only 'eval' (the backstop was a no-go; no model is trained for shipping)");
        CrossValidate(replies);
        foreach (var held in Sets.Where(s => s.StartsWith("blind", StringComparison.Ordinal))) LeaveOneSetOut(root, replies, held);
        return 0;
    }

    private static void CrossValidate(List<Reply> replies)
    {
        // Grouped by file: every file's replies are dealt round-robin over the folds, so each fold holds every set.
        var fold = replies.GroupBy(r => r.Set).SelectMany(g => g.Select((r, i) => (r, i % 5))).ToDictionary(p => p.r, p => p.Item2);
        Console.WriteLine("== Grouped 5-fold CV (current lexicon, tuned on all of these: optimistic for the lexicon)");
        foreach (var label in Labels)
        {
            var oof = OutOfFold(replies, label, r => fold[r]);
            foreach (var t in Grid)
            {
                Console.WriteLine($"  {label,-17} t={t:F2} classifier {Score(replies, label, r => oof[r] >= t)}  lexicon OR classifier {Score(replies, label, r => r.Lexicon.Contains(label) || oof[r] >= t)}");
            }
        }
    }

    private static void LeaveOneSetOut(string root, List<Reply> replies, string held)
    {
        var train = replies.Where(r => r.Set != held).ToList();
        var test = replies.Where(r => r.Set == held).ToList();
        // The lexicon the set met on its first run (git history); blind-replies.jsonl's predates settings the engine now requires.
        var firstRunPath = Path.Combine(root, "tests", "Api.Tests", "Screening", "first-run-lexicons", held.Replace(".jsonl", ".lexicon.json"));
        var firstRun = File.Exists(firstRunPath) ? Screener(firstRunPath) : null;
        var firstRunLabels = test.ToDictionary(r => r, r => firstRun is null ? r.Lexicon : LabelsOf(firstRun.Screen(r.Subject, r.Text, Context)));
        if (firstRun is null) Console.WriteLine("  (no loadable first-run lexicon: 'first-run' below is the current lexicon)");
        Console.WriteLine($"== Leave out {held} ({test.Count}); classifier trained on the other {train.Count}, threshold chosen by inner CV");
        foreach (var label in Labels)
        {
            var threshold = ChooseThreshold(train, label);
            var model = Fit(train, label);
            var p = test.ToDictionary(r => r, r => model.Probability(r.Features));
            Console.WriteLine($"  {label,-17} t={threshold:F2}");
            Console.WriteLine($"    first-run lexicon            {Score(test, label, r => firstRunLabels[r].Contains(label))}");
            Console.WriteLine($"    first-run lexicon OR clf     {Score(test, label, r => firstRunLabels[r].Contains(label) || p[r] >= threshold)}");
            Console.WriteLine($"    current lexicon              {Score(test, label, r => r.Lexicon.Contains(label))}");
            Console.WriteLine($"    current lexicon OR clf       {Score(test, label, r => r.Lexicon.Contains(label) || p[r] >= threshold)}");
            foreach (var r in test.Where(r => !firstRunLabels[r].Contains(label) && (r.Labels.Contains(label) || p[r] >= threshold)))
            {
                var verdict = r.Labels.Contains(label) ? (p[r] >= threshold ? "RECOVERED" : "still missed") : "NEW FALSE ALARM";
                Console.WriteLine($"      {r.Id} p={p[r]:F2} {verdict}");
            }
        }
    }

    /// <summary>Lowest grid threshold whose inner out-of-fold false alarms stay at or below 1 % of the negatives.</summary>
    private static double ChooseThreshold(List<Reply> train, string label)
    {
        var fold = train.GroupBy(r => r.Set).SelectMany(g => g.Select((r, i) => (r, i % 5))).ToDictionary(p => p.r, p => p.Item2);
        var oof = OutOfFold(train, label, r => fold[r]);
        var negatives = train.Count(r => !r.Labels.Contains(label));
        return Grid.FirstOrDefault(t => train.Count(r => !r.Labels.Contains(label) && oof[r] >= t) <= 0.01 * negatives, 0.95);
    }

    private static Dictionary<Reply, double> OutOfFold(List<Reply> replies, string label, Func<Reply, int> foldOf)
    {
        var oof = new Dictionary<Reply, double>();
        for (var k = 0; k < 5; k++)
        {
            var model = Fit(replies.Where(r => foldOf(r) != k).ToList(), label);
            foreach (var r in replies.Where(r => foldOf(r) == k)) oof[r] = model.Probability(r.Features);
        }
        return oof;
    }

    private static LabelModel Fit(List<Reply> train, string label) =>
        LogisticTrainer.Train(train.Select(r => r.Features).ToList(), train.Select(r => r.Labels.Contains(label)).ToList());

    private static string Score(List<Reply> replies, string label, Func<Reply, bool> flagged)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var r in replies)
        {
            var expected = r.Labels.Contains(label);
            var actual = flagged(r);
            if (expected && actual) tp++;
            if (!expected && actual) fp++;
            if (expected && !actual) fn++;
        }
        var recall = tp / (double)Math.Max(1, tp + fn);
        var precision = tp / (double)Math.Max(1, tp + fp);
        return string.Create(CultureInfo.InvariantCulture, $"R {recall:P1} P {precision:P1} (tp {tp} fp {fp} fn {fn})");
    }

    /// <summary>A subject that is not an echo of our letter's title ("Sv: Afgørelse …"), as the screener decides.</summary>
    private static string? CitizenSubject(ScreeningLexicon lexicon, string? subject) =>
        string.IsNullOrWhiteSpace(subject) || lexicon.File.EchoSubjectPrefixes.Any(p => subject.TrimStart().StartsWith(p.Trim(), StringComparison.OrdinalIgnoreCase)) ? null : subject;

    private static ReplyScreener Screener(string lexiconPath) => Screener(ScreeningLexicon.Load(lexiconPath));

    private static ReplyScreener Screener(ScreeningLexicon lexicon) =>
        new(lexicon, new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()));

    private static HashSet<string> LabelsOf(ScreeningResult result) =>
        LabelKinds.Where(k => result.Has(k.Value)).Select(k => k.Key).ToHashSet();

    private static IEnumerable<Reply> Load(string root, string set)
    {
        var path = set == "replies-sample.jsonl" ? Path.Combine(root, "..", "..", "shared", "data", set) : Path.Combine(root, "tests", "Api.Tests", "Screening", set);
        if (set == "replies-sample.jsonl" && !File.Exists(path)) path = "/work/shared/data/replies-sample.jsonl";
        return File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JObject.Parse(l)).Select(o =>
            new Reply((string)o["id"]!, set, (string?)o["subject"], (string)o["text"]!, o["labels"]!.Select(t => (string)t!).ToArray()));
    }
}
