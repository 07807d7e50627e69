using System.Globalization;
using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.EvaluateScreening;

/// <summary>
/// Leave-one-writer-out: every corpus file is one writer's batch; its replies are replayed with out-of-fold scores from
/// a model trained without that batch (tools/TrainScreeningModel --folds writer --scores-out), and the figures are
/// printed per held-out batch — the honest estimate for a writer the model has never seen. Several ways of using the
/// model are replayed side by side, so a policy is chosen by these figures:
/// <list type="bullet">
/// <item>thresholds from the manifest (chosen on all writers' out-of-fold scores, the held-out one included), or chosen
/// again for each held-out batch on the other batches' scores only (nested: the batch did not choose its thresholds);</item>
/// <item>the model only raising the rules' Possible (no model-only flags).</item>
/// </list>
/// </summary>
public static class WriterEvaluation
{
    private static readonly FlagKind[] Kinds = Enum.GetValues<FlagKind>();

    /// <param name="LooserFor">Kinds whose nested threshold is chosen at <see cref="LooserFpr"/> instead (the kinds whose
    /// recall on new writers is short), so one kind can buy recall without the others adding clean flags.</param>
    public sealed record Policy(string Name, double? NestedMaxFpr, bool ModelOnlyFlags = true, bool UsesModel = true, float LowerBelow = 0f,
        FlagKind[]? LooserFor = null, double LooserFpr = 0);

    public static IReadOnlyList<Policy> DefaultPolicies() =>
    [
        new("rules alone", null, UsesModel: false),
        new("rules + model, manifest thresholds", null),
        new("rules + model, manifest thresholds, raise only", null, ModelOnlyFlags: false),
        new("rules + model, nested thresholds FPR 3%", 0.03),
        new("rules + model, nested thresholds FPR 2%", 0.02),
        new("rules + model, nested thresholds FPR 1.5%", 0.015),
        new("rules + model, nested thresholds FPR 1%", 0.01),
        // The product's setting (Screening:ModelLowerThreshold 0.05): the row for Certain precision on a new writer.
        new("rules + model, nested thresholds FPR 1%, Certain lowered below 0.02", 0.01, LowerBelow: 0.02f),
        new("rules + model, nested thresholds FPR 1%, Certain lowered below 0.05", 0.01, LowerBelow: 0.05f),
        new("rules + model, nested thresholds FPR 1%, Certain lowered below 0.10", 0.01, LowerBelow: 0.10f),
        new("rules + model, nested thresholds FPR 1%, aktindsigt and klage 2%", 0.01,
            LooserFor: [FlagKind.AccessToRecordsRequest, FlagKind.Complaint], LooserFpr: 0.02),
        new("rules + model, nested thresholds FPR 0.5%", 0.005),
        new("rules + model, manifest thresholds, Certain lowered below 0.01", null, LowerBelow: 0.01f),
        new("rules + model, manifest thresholds, Certain lowered below 0.03", null, LowerBelow: 0.03f),
        new("rules + model, manifest thresholds, Certain lowered below 0.05", null, LowerBelow: 0.05f),
        new("rules + model, manifest thresholds, Certain lowered below 0.10", null, LowerBelow: 0.10f),
    ];

    public static void Run(ScreeningRules rules, RecordedScores scores, IReadOnlyList<string> files, IReadOnlyList<Policy> policies,
        float raise, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var batches = files.Select(f => (Name: Path.GetFileNameWithoutExtension(f), Replies: CorpusReply.Load(f))).ToList();
        var context = new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
        var dueDates = new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions());
        foreach (var policy in policies)
        {
            output.WriteLine($"== {policy.Name}");
            output.WriteLine("  held-out batch          replies  clean   recall(C∪P) akt / klage / frist / selvb      Certain precision   clean flagged");
            var pooled = new List<(CorpusReply Reply, IReadOnlyList<Finding> Findings)>();
            foreach (var (name, replies) in batches)
            {
                IReplyScorer? scorer = !policy.UsesModel ? null
                    : !policy.ModelOnlyFlags ? scores.WithThresholds(Kinds.ToDictionary(k => k, _ => 2f))
                    : policy.NestedMaxFpr is { } fpr ? scores.WithThresholds(NestedThresholds(batches.Where(b => b.Name != name).SelectMany(b => b.Replies), scores,
                        kind => policy.LooserFor?.Contains(kind) == true ? policy.LooserFpr : fpr))
                    : scores;
                var options = new ScreeningOptions { ModelRaiseThreshold = raise, ModelLowerThreshold = policy.LowerBelow };
                var screener = new ReplyScreener(rules, dueDates, scorer, options);
                var screened = replies.Select(r => (r, (IReadOnlyList<Finding>)screener.Screen(r.Subject, r.Text, context).Flags
                    .Select(f => new Finding(f.Kind, f.Certainty == Certainty.Certain)).ToList())).ToList();
                pooled.AddRange(screened);
                PrintRow(output, name, ScreeningEvaluation.Run(screened.Select(s => s.r), r => screened.First(s => ReferenceEquals(s.r, r)).Item2), replies.Count);
            }
            var all = ScreeningEvaluation.Run(pooled.Select(p => p.Reply), r => pooled.First(p => ReferenceEquals(p.Reply, r)).Findings);
            PrintRow(output, "all", all, pooled.Count);
        }

        static void PrintRow(TextWriter output, string name, ScreeningEvaluation e, int count)
        {
            var c = CultureInfo.InvariantCulture;
            string Recall(FlagKind k) => e[k].Positives == 0 ? "  –  " : (e[k].Recall * 100).ToString("0.0", c).PadLeft(5);
            var certain = e.Kinds.Sum(k => k.CertainFlags);
            var correct = e.Kinds.Sum(k => k.CertainCorrect);
            var precision = certain == 0 ? "  –  " : (100.0 * correct / certain).ToString("0.0", c).PadLeft(5);
            output.WriteLine(string.Format(c, "  {0,-24} {1,6} {2,6}   {3} / {4} / {5} / {6}   {7} ({8}/{9})   {10,5:0.0} % ({11}/{12})",
                name, count, e.Clean, Recall(FlagKind.AccessToRecordsRequest), Recall(FlagKind.Complaint), Recall(FlagKind.DeadlineExtensionRequest),
                Recall(FlagKind.SelfServiceExemptionRequest), precision, correct, certain, e.CleanFlaggedShare * 100, e.CleanFlagged, e.Clean));
        }
    }

    /// <summary>Per kind, the threshold <see cref="ThresholdChoice"/> picks on these (other writers') replies' out-of-fold scores.</summary>
    private static Dictionary<FlagKind, float> NestedThresholds(IEnumerable<CorpusReply> replies, RecordedScores scores, Func<FlagKind, double> maxFpr)
    {
        var scored = replies.Select(r => (Reply: r, Scores: scores.Score(ReplyClassifier.InputText(r.Subject, r.Text)))).Where(s => s.Scores.Count > 0).ToList();
        var thresholds = new Dictionary<FlagKind, float>();
        foreach (var kind in scores.Thresholds.Keys)
        {
            var judged = scored.Where(s => s.Reply.IsJudgedOn(kind)).ToList();
            var positives = judged.Where(s => s.Reply.Kinds.Contains(kind)).Select(s => s.Scores[kind]).ToList();
            var negatives = judged.Where(s => !s.Reply.Kinds.Contains(kind)).Select(s => s.Scores[kind]).ToList();
            thresholds[kind] = (float)ThresholdChoice.BestRecallWithin(positives, negatives, maxFpr(kind));
        }
        return thresholds;
    }
}
