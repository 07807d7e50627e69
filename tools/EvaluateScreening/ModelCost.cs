using System.Diagnostics;
using System.Globalization;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;

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
        // A long reply as in ScreeningModelBenchmarks: own words repeated to 256 kB (no closing line, which would mask the
        // rest as a signature) and our quoted letter; the model's window bounds what it reads.
        var own = new System.Text.StringBuilder();
        while (own.Length < 256 * 1024) own.Append(OwnWords);
        var longText = own + QuotedLetter;
        var longReply = new CorpusReply("long", "Sv: Afgørelse om tidsbegrænset kørekort", longText, [], "");

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

    private const string OwnWords = """
        Kære Færdselsstyrelsen

        Jeg er ikke tilfreds med afgørelsen, og jeg vil gerne have en højere instans til at se på den. Min læge har skrevet,
        at jeg er færdigbehandlet. Send mig også det, politiet har skrevet om mig, og referatet af mødet. Kan vi skubbe
        fristen for lægeerklæringen til efter ferien? Jeg har ikke brug for hjælp til selve ansøgningen.

        """;

    private const string QuotedLetter = """

        -----Oprindelig meddelelse-----
        Fra: Færdselsstyrelsen
        Sendt: 27. maj 2025 10:40
        Emne: Afgørelse om tidsbegrænset kørekort

        Færdselsstyrelsen har besluttet, at dit kørekort skal tidsbegrænses til 2 år. Du kan klage over afgørelsen inden
        4 uger. Du har ret til aktindsigt i sagens dokumenter.
        """;
}
