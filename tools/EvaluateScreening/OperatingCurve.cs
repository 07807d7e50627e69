using System.Globalization;
using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.EvaluateScreening;

/// <summary>
/// The trade-off between recall and clean replies flagged (--curve): the model's add thresholds chosen at several
/// false-positive budgets exactly as tools/TrainScreeningModel chooses them (<see cref="ThresholdChoice"/> on the
/// out-of-fold scores of its training set), each rules variant at each budget, measured on two sets: the out-of-fold
/// corpus (every reply scored by a model that did not see its writer) and unseen writers' files scored by the committed
/// model (which saw none of them). Then, at the product's setting, where every flag comes from (<see cref="FlagSource"/>).
/// </summary>
public static class OperatingCurve
{
    private static readonly FlagKind[] Kinds = Enum.GetValues<FlagKind>();

    /// <summary>The budgets of the curve; selvbetjening keeps the trainer's own budget unless "every kind" is asked for.</summary>
    public static readonly double[] Budgets = [0.005, 0.01, 0.02, 0.03, 0.05, 0.10];

    /// <summary>A point's thresholds: the budget of the three kinds with a statutory deadline, and selvbetjening's.</summary>
    public sealed record Setting(string Name, double Budget, double SelfServiceBudget);

    /// <summary>The trainer's defaults (<see cref="ThresholdChoice.ShippedBudget"/>, selvbetjening's own), which the committed manifest holds.</summary>
    public static readonly Setting Product = new($"product ({Percent(ThresholdChoice.ShippedBudget)}, selvb {Percent(ThresholdChoice.ShippedSelfServiceBudget)})",
        ThresholdChoice.ShippedBudget, ThresholdChoice.ShippedSelfServiceBudget);

    public static IReadOnlyList<Setting> Settings() =>
    [
        .. Budgets.Select(b => new Setting($"{Percent(b)}, selvb 0.25 %", b, 0.0025)),
        .. Budgets.Select(b => new Setting($"{Percent(b)} every kind", b, b)),
    ];

    /// <summary>
    /// Per kind, the threshold the trainer would write with these budgets: its training set is one example per distinct
    /// model input text, labelled as in the first file that holds it (TrainingSet.Build, files in ordinal order), and a
    /// kind's negatives are every other example; the choice itself is the shared <see cref="ThresholdChoice"/>.
    /// </summary>
    public static Dictionary<FlagKind, float> Thresholds(RecordedScores oof, IReadOnlyList<CorpusReply> trainingFiles, Setting setting)
    {
        var examples = trainingFiles.Select(r => (Text: ReplyClassifier.InputText(r.Subject, r.Text), r.Kinds))
            .Where(e => e.Text.Length > 0).DistinctBy(e => e.Text, StringComparer.Ordinal)
            .Select(e => (e.Kinds, Scores: oof.Score(e.Text))).ToList();
        var missing = examples.Count(e => e.Scores.Count == 0);
        if (missing > 0) throw new InvalidDataException($"the out-of-fold scores lack {missing} corpus replies: they were written for other data.");
        return oof.Thresholds.Keys.ToDictionary(kind => kind, kind => (float)ThresholdChoice.BestRecallWithin(
            examples.Where(e => e.Kinds.Contains(kind)).Select(e => e.Scores[kind]).ToList(),
            examples.Where(e => !e.Kinds.Contains(kind)).Select(e => e.Scores[kind]).ToList(),
            kind == FlagKind.SelfServiceExemptionRequest ? setting.SelfServiceBudget : setting.Budget));
    }

    /// <summary>Every reply's flags with these rules and this scorer, under the product's raise and lower thresholds.</summary>
    public static List<(CorpusReply Reply, IReadOnlyList<ScreeningFlag> Flags)> Screen(ScreeningRules rules, IReplyScorer? scorer, IEnumerable<CorpusReply> replies)
    {
        var screener = new ReplyScreener(rules, new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()), scorer, new ScreeningOptions());
        var context = new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
        return replies.Select(r => (r, screener.Screen(r.Subject, r.Text, context).Flags)).ToList();
    }

    public static ScreeningEvaluation Evaluate(IEnumerable<(CorpusReply Reply, IReadOnlyList<ScreeningFlag> Flags)> screened)
    {
        var flags = screened.ToDictionary(s => s.Reply, s => s.Flags);
        return ScreeningEvaluation.Run(flags.Keys, r => flags[r].Select(f => new Finding(f.Kind, f.Certainty == Certainty.Certain)).ToList());
    }

    /// <summary>Recall over all four kinds together: found labels over labels.</summary>
    public static double PooledRecall(ScreeningEvaluation e) => (double)e.Kinds.Sum(k => k.Found) / Math.Max(1, e.Kinds.Sum(k => k.Positives));

    /// <param name="corpus">The corpus the out-of-fold scores were written for, in the trainer's file order.</param>
    /// <param name="unseen">Writers' files neither the model nor the rules were fitted to, by name.</param>
    public static void Run(IReadOnlyList<RulesVariant> variants, RecordedScores oof, IReplyScorer model, IReadOnlyList<CorpusReply> corpus,
        IReadOnlyList<(string Name, IReadOnlyList<CorpusReply> Replies)> unseen, TextWriter output)
    {
        var product = Thresholds(oof, corpus, Product);
        output.WriteLine($"thresholds chosen here at the product's budgets: {Show(product)}; the manifest's: {Show(oof.Thresholds)}");
        var memo = new MemoScorer(model);
        var unseenReplies = unseen.SelectMany(u => u.Replies).ToList();
        output.WriteLine($"unseen: {string.Join(", ", unseen.Select(u => $"{u.Name} {u.Replies.Count}"))}; out-of-fold corpus: {corpus.Count} replies");
        output.WriteLine("rules variant / model thresholds            unseen recall akt / klage / frist / selvb  pooled  clean flagged      | out-of-fold corpus: the same");
        foreach (var variant in variants)
        {
            foreach (var setting in (IEnumerable<Setting>)[new("rules alone", -1, -1), Product, .. Settings()])
            {
                var thresholds = setting.Budget < 0 ? null : Thresholds(oof, corpus, setting);
                var onUnseen = Evaluate(Screen(variant.Rules, thresholds is null ? null : memo.WithThresholds(thresholds), unseenReplies));
                var onCorpus = Evaluate(Screen(variant.Rules, thresholds is null ? null : oof.WithThresholds(thresholds), corpus));
                output.WriteLine($"{variant.Name + " / " + setting.Name,-44} {Row(onUnseen)}  | {Row(onCorpus)}");
            }
        }
        output.WriteLine("model thresholds per setting (what the trainer would write into the manifest):");
        foreach (var setting in Settings()) output.WriteLine($"  {setting.Name,-22} {Show(Thresholds(oof, corpus, setting))}");
        foreach (var variant in variants)
        {
            output.WriteLine($"== where the flags come from, {variant.Name}, product thresholds");
            foreach (var (name, replies) in unseen)
                Attribution.Of(variant.Rules, Screen(variant.Rules, memo.WithThresholds(product), replies)).Print(output, name, detailed: false);
            Attribution.Of(variant.Rules, Screen(variant.Rules, memo.WithThresholds(product), unseenReplies)).Print(output, "unseen pooled", detailed: true);
            Attribution.Of(variant.Rules, Screen(variant.Rules, oof.WithThresholds(product), corpus)).Print(output, "out-of-fold corpus", detailed: true);
        }

    }

    /// <summary>Recall per kind and pooled, and clean replies flagged, as one row of the curve.</summary>
    private static string Row(ScreeningEvaluation e)
    {
        string R(FlagKind k) => e[k].Positives == 0 ? "  –  " : (e[k].Recall * 100).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(5);
        return string.Format(CultureInfo.InvariantCulture, "{0} / {1} / {2} / {3}   {4,5:0.0}   {5,5:0.0} % ({6,3}/{7})",
            R(FlagKind.AccessToRecordsRequest), R(FlagKind.Complaint), R(FlagKind.DeadlineExtensionRequest), R(FlagKind.SelfServiceExemptionRequest),
            PooledRecall(e) * 100, e.CleanFlaggedShare * 100, e.CleanFlagged, e.Clean);
    }

    private static string Show(IReadOnlyDictionary<FlagKind, float> thresholds) =>
        string.Join(" ", Kinds.Where(thresholds.ContainsKey).Select(k => $"{FlagSource.Short(k)} {thresholds[k].ToString("0.000000", CultureInfo.InvariantCulture)}"));

    private static string Percent(double budget) => (budget * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
