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

    /// <param name="FprFor">Kinds whose nested threshold is chosen by a budget of their own (TrainScreeningModel
    /// --max-fpr-for): selvbetjening, which has no statutory deadline, stricter than the three kinds that have one.</param>
    /// <param name="AloneFactor">When set, a model-only flag on a reply where the rules flagged nothing at all needs the
    /// threshold of a stricter nested budget: each kind's budget times this factor; with rule evidence elsewhere in the
    /// reply the ordinary threshold holds.</param>
    public sealed record Policy(string Name, double? NestedMaxFpr, bool ModelOnlyFlags = true, bool UsesModel = true, float LowerBelow = 0f,
        IReadOnlyDictionary<FlagKind, double>? FprFor = null, double? AloneFactor = null)
    {
        public double BudgetOf(FlagKind kind) => FprFor is not null && FprFor.TryGetValue(kind, out var fpr) ? fpr : NestedMaxFpr ?? 0;
    }

    private static Dictionary<FlagKind, double> SelfService(double fpr) => new() { [FlagKind.SelfServiceExemptionRequest] = fpr };

    public static IReadOnlyList<Policy> DefaultPolicies() =>
    [
        new("rules alone", null, UsesModel: false),
        new("rules + model, manifest thresholds", null),
        new("rules + model, manifest thresholds, raise only", null, ModelOnlyFlags: false),
        new("rules + model, nested thresholds FPR 3%", 0.03),
        new("rules + model, nested thresholds FPR 2%", 0.02),
        new("rules + model, nested thresholds FPR 1.5%", 0.015),
        new("rules + model, nested thresholds FPR 1%", 0.01),
        new("rules + model, nested thresholds FPR 1%, Certain lowered below 0.02", 0.01, LowerBelow: 0.02f),
        // Round 16's product setting (Screening:ModelLowerThreshold 0.05, one budget for every kind).
        new("rules + model, nested thresholds FPR 1%, Certain lowered below 0.05", 0.01, LowerBelow: 0.05f),
        new("rules + model, nested thresholds FPR 1%, Certain lowered below 0.10", 0.01, LowerBelow: 0.10f),
        new("rules + model, nested thresholds FPR 1%, aktindsigt and klage 2%", 0.01,
            FprFor: new Dictionary<FlagKind, double> { [FlagKind.AccessToRecordsRequest] = 0.02, [FlagKind.Complaint] = 0.02 }),
        new("rules + model, nested thresholds FPR 0.5%", 0.005),
        // Per-kind budgets: selvbetjening (no statutory deadline) at a fraction of the statutory kinds' 1 %.
        new("rules + model, nested FPR 1%, selvbetjening 0.5%, lowered below 0.05", 0.01, LowerBelow: 0.05f, FprFor: SelfService(0.005)),
        // The committed model's budgets (TrainingOptions: 2 %, selvbetjening 0.25 %) and the product's lowering: the row for a
        // new writer; the 1 % row below it was the product's until the sixteenth session.
        new("rules + model, nested FPR 2%, selvbetjening 0.25%, lowered below 0.05", 0.02, LowerBelow: 0.05f, FprFor: SelfService(0.0025)),
        new("rules + model, nested FPR 1%, selvbetjening 0.25%, lowered below 0.05", 0.01, LowerBelow: 0.05f, FprFor: SelfService(0.0025)),
        new("rules + model, nested FPR 1%, selvbetjening 0.1%, lowered below 0.05", 0.01, LowerBelow: 0.05f, FprFor: SelfService(0.001)),
        new("rules + model, nested FPR 1%, selvbetjening 0%, lowered below 0.05", 0.01, LowerBelow: 0.05f, FprFor: SelfService(0)),
        // A model-only flag on a reply the rules found nothing in at all, at a stricter budget.
        new("rules + model, nested FPR 1%, selvbetjening 0.25%, alone at half the budget, lowered below 0.05", 0.01, LowerBelow: 0.05f, FprFor: SelfService(0.0025), AloneFactor: 0.5),
        new("rules + model, nested FPR 1%, selvbetjening 0.25%, alone at a quarter of the budget, lowered below 0.05", 0.01, LowerBelow: 0.05f, FprFor: SelfService(0.0025), AloneFactor: 0.25),
        new("rules + model, manifest thresholds, Certain lowered below 0.01", null, LowerBelow: 0.01f),
        new("rules + model, manifest thresholds, Certain lowered below 0.03", null, LowerBelow: 0.03f),
        new("rules + model, manifest thresholds, Certain lowered below 0.05", null, LowerBelow: 0.05f),
        new("rules + model, manifest thresholds, Certain lowered below 0.10", null, LowerBelow: 0.10f),
    ];

    /// <param name="pooledGroup">Batch names (file names without extension) pooled into a row of their own after the per-batch
    /// rows, e.g. the hand-written writers, whose figures the pooled row of every batch averages away.</param>
    public static void Run(ScreeningRules rules, RecordedScores scores, IReadOnlyList<string> files, IReadOnlyList<Policy> policies,
        float raise, TextWriter output, IReadOnlyCollection<string>? pooledGroup = null)
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
            var sources = new CleanFlagSources();
            foreach (var (name, replies) in batches)
            {
                IReplyScorer? scorer = !policy.UsesModel ? null
                    : !policy.ModelOnlyFlags ? scores.WithThresholds(Kinds.ToDictionary(k => k, _ => 2f))
                    : policy.NestedMaxFpr is not null ? scores.WithThresholds(NestedThresholds(OthersThan(name), scores, policy.BudgetOf))
                    : scores;
                var alone = policy.AloneFactor is { } factor && policy.UsesModel && policy.ModelOnlyFlags
                    ? NestedThresholds(OthersThan(name), scores, kind => policy.BudgetOf(kind) * factor) : null;
                var options = new ScreeningOptions { ModelRaiseThreshold = raise, ModelLowerThreshold = policy.LowerBelow };
                var screener = new ReplyScreener(rules, dueDates, scorer, options);
                var screened = replies.Select(r => (r, (IReadOnlyList<Finding>)Flags(screener, r, alone)
                    .Select(f => new Finding(f.Kind, f.Certainty == Certainty.Certain)).ToList())).ToList();
                pooled.AddRange(screened);
                foreach (var reply in replies.Where(r => r.Kinds.Count == 0 && r.Judged is null)) sources.Count(name, Flags(screener, reply, alone));
                PrintRow(output, name, ScreeningEvaluation.Run(screened.Select(s => s.r), r => screened.First(s => ReferenceEquals(s.r, r)).Item2), replies.Count);
            }
            var all = ScreeningEvaluation.Run(pooled.Select(p => p.Reply), r => pooled.First(p => ReferenceEquals(p.Reply, r)).Findings);
            PrintRow(output, "all", all, pooled.Count);
            if (pooledGroup is { Count: > 0 })
            {
                var members = batches.Where(b => pooledGroup.Contains(b.Name)).SelectMany(b => b.Replies).ToHashSet();
                var group = pooled.Where(p => members.Contains(p.Reply)).ToList();
                PrintRow(output, "pooled group", ScreeningEvaluation.Run(group.Select(p => p.Reply), r => group.First(p => ReferenceEquals(p.Reply, r)).Findings), group.Count);
            }
            if (policy.UsesModel) sources.Print(output);
        }

        IEnumerable<CorpusReply> OthersThan(string name) => batches.Where(b => b.Name != name).SelectMany(b => b.Replies);

        // The screener's flags; with a stricter threshold for replies the rules found nothing in, a model-only flag below
        // it is dropped there (the product's equivalent would compare the score with that threshold in the screener).
        IReadOnlyList<ScreeningFlag> Flags(ReplyScreener screener, CorpusReply reply, Dictionary<FlagKind, float>? alone)
        {
            var flags = screener.Screen(reply.Subject, reply.Text, context).Flags;
            if (alone is null || flags.Any(f => !CleanFlagSources.IsModelOnly(f))) return flags;
            var score = scores.Score(ReplyClassifier.InputText(reply.Subject, reply.Text));
            return flags.Where(f => score.TryGetValue(f.Kind, out var p) && p >= alone[f.Kind]).ToList();
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
