using System.Diagnostics;
using System.Globalization;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;
using SmartPost.Benchmarks;

namespace SmartPost.EvaluateScreening;

/// <summary>
/// A quick in-process measure of what the model costs per reply, next to the rule screening of the same replies, for
/// one or more model files in one run (interleaved rounds, so a loaded machine slows them alike; compare the ratios).
/// Not the benchmark of record (benchmarks/…/ScreeningModelBenchmarks), and not a test: a figure to choose a design by.
/// </summary>
public static class ModelCost
{
    public static void Run(ScreeningRules rules, IReadOnlyList<CorpusReply> replies, IReadOnlyList<string> modelPaths, TextWriter output, int rounds = 5)
    {
        var c = CultureInfo.InvariantCulture;
        var screener = new ReplyScreener(rules, new DueDateRules(new SmartPost.Api.Calendar.DanishWorkingDays(new SmartPost.Api.Calendar.CalendarOptions()), new ScreeningOptions()));
        var context = new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
        var models = modelPaths.Select(p => (Path: p, Classifier: ReplyClassifier.Load(p))).ToList();
        // The long reply of ScreeningModelBenchmarks (256 kB); the model's window bounds what it reads.
        var longText = LongReply.OwnText(256) + LongReply.QuotedLetter;
        var longReply = new CorpusReply("long", LongReply.Subject, longText, [], "");

        var measurements = new Dictionary<string, List<double>>();
        void Measure(string name, IReadOnlyList<CorpusReply> set, Action<CorpusReply> act)
        {
            var watch = Stopwatch.StartNew();
            foreach (var reply in set) act(reply);
            watch.Stop();
            if (!measurements.TryGetValue(name, out var list)) measurements[name] = list = [];
            list.Add(watch.Elapsed.TotalMicroseconds / set.Count);
        }

        for (var round = 0; round <= rounds; round++)
        {
            // Round 0 warms up (JIT, memo tables, prediction engine pools) and is not counted.
            foreach (var (set, size) in new[] { (replies, "corpus reply"), ((IReadOnlyList<CorpusReply>)Enumerable.Repeat(longReply, 5).ToList(), "256 kB reply") })
            {
                Measure($"{size}: rules", set, r => screener.Screen(r.Subject, r.Text, context));
                foreach (var (path, classifier) in models)
                    Measure($"{size}: model {Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}", set, r => classifier.Score(ReplyClassifier.InputText(r.Subject, r.Text)));
            }
            if (round == 0) measurements.Clear();
        }
        output.WriteLine($"{replies.Count} corpus replies (mean {replies.Average(r => r.Text.Length):F0} characters) and a reply of {longText.Length / 1024} kB; median of {rounds} rounds, µs per reply");
        foreach (var (name, values) in measurements)
        {
            var median = values.Order().ElementAt(values.Count / 2);
            var rulesName = name[..name.IndexOf(':')] + ": rules";
            var rulesMedian = measurements[rulesName].Order().ElementAt(values.Count / 2);
            output.WriteLine(string.Format(c, "  {0,-70} {1,10:F1} µs   ×{2:F2} of the rules", name, median, median / rulesMedian));
        }
    }
}
