using Microsoft.ML;
using Microsoft.ML.Data;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.Tools.TrainScreeningModel;

/// <summary>
/// K-fold cross-validation: every reply is scored by a model that saw neither it nor its batch (out-of-fold), and each
/// label's threshold is chosen on those scores.
/// </summary>
public static class CrossValidation
{
    /// <param name="folds">The number of folds, or <see cref="LeaveOneWriterOut"/>: one fold per batch (source file).</param>
    /// <param name="parallel">Folds trained at once; each is single-threaded and independent, so the scores do not change.</param>
    public static float[][] OutOfFoldScores(TrainingSet set, IReadOnlyList<string> labels, TrainerKind trainer, int folds, int seed,
        int parallel = 1, TextWriter? log = null, FeatureKind features = FeatureKind.Characters, IReadOnlyList<string>? holdOut = null, float l2 = ScreeningPipeline.DefaultL2)
    {
        var (fold, count) = holdOut is { Count: > 0 } ? HeldOut(set.Replies, holdOut)
            : folds == LeaveOneWriterOut ? ByWriter(set.Replies) : (AssignFolds(set.Replies, folds), folds);
        // Each reply's model text once, not once per fold and per pass: SDCA re-reads its rows up to 100 times per label, and
        // a lazy row recomputed the stems every time (a 3-fold run took 3x as long; the scores are the same floats).
        var rows = set.Replies.Select(r => TrainingRow.From(r, features)).ToArray();
        var scores = new float[set.Replies.Count][];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel) }, f =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var ml = new MLContext(seed);
            var train = rows.Where((_, i) => fold[i] != f).ToList();
            var testIndexes = Enumerable.Range(0, set.Replies.Count).Where(i => fold[i] == f).ToList();
            if (testIndexes.Count == 0) return;
            var model = ScreeningPipeline.Build(ml, labels, trainer, features, l2).Fit(ml.Data.LoadFromEnumerable(train));
            var predicted = model.Transform(ml.Data.LoadFromEnumerable(testIndexes.Select(i => rows[i])));
            // Copied row by row: the cursor reuses one buffer for every row.
            var column = predicted.GetColumn<VBuffer<float>>(ReplyModelOutput.ProbabilitiesColumn).Select(v => v.DenseValues().ToArray()).ToList();
            for (var j = 0; j < testIndexes.Count; j++) scores[testIndexes[j]] = column[j];
            if (log is not null)
            {
                lock (log) log.WriteLine($"  fold {f + 1}/{count} ({set.Replies[testIndexes[0]].Source}, {testIndexes.Count} held out) in {watch.Elapsed.TotalSeconds:F0} s");
            }
        });
        return scores;
    }

    // Only the named batches are held out, each on its own against all the others (a leave-one-writer-out row for each of
    // them); the remaining replies are always trained on and get no score (fold index = count, never tested).
    private static (int[] Fold, int Count) HeldOut(IReadOnlyList<LabelledReply> replies, IReadOnlyList<string> holdOut)
    {
        var fold = replies.Select(r => holdOut.ToList().FindIndex(h => Path.GetFileName(r.Source) == h)).Select(i => i < 0 ? holdOut.Count : i).ToArray();
        return (fold, holdOut.Count);
    }

    /// <summary>The <c>folds</c> value for leave-one-writer-out: every batch (source file) is held out on its own.</summary>
    public const int LeaveOneWriterOut = 0;

    // A batch is one writer's text: holding each out alone and scoring it with a model trained on all the others is
    // the honest estimate of what the model does on a new writer's replies (pooled k-fold folds mix several held-out
    // writers with several seen ones and average the hard writer away).
    private static (int[] Fold, int Count) ByWriter(IReadOnlyList<LabelledReply> replies)
    {
        var sources = replies.Select(r => r.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (replies.Select(r => sources.IndexOf(r.Source)).ToArray(), sources.Count);
    }

    // Whole batches per fold (leave-batches-out): replies of one batch share a writer, a style and often a template, so
    // a reply scored by a model that saw its batch-mates looks easier than a reply from a new writer will be. The
    // thresholds are chosen on these scores because production text always comes from "a new batch". Batches are
    // dealt largest first to the fold with the fewest replies so far; a single batch larger than a fold stays whole.
    private static int[] AssignFolds(IReadOnlyList<LabelledReply> replies, int folds)
    {
        if (replies.Select(r => r.Source).Distinct(StringComparer.Ordinal).Count() < folds) return DealWithinLabels(replies, folds);
        var sizes = replies.GroupBy(r => r.Source, StringComparer.Ordinal)
            .Select(g => (Source: g.Key, Count: g.Count()))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Source, StringComparer.Ordinal).ToList();
        var load = new int[folds];
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (source, count) in sizes)
        {
            var lightest = Array.IndexOf(load, load.Min());
            foldOf[source] = lightest;
            load[lightest] += count;
        }
        return replies.Select(r => foldOf[r.Source]).ToArray();
    }

    // Fewer batches than folds (a small file): deal round-robin within each label combination instead, so every fold
    // still has its share of each kind and of the clean replies.
    private static int[] DealWithinLabels(IReadOnlyList<LabelledReply> replies, int folds)
    {
        var fold = new int[replies.Count];
        var dealt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < replies.Count; i++)
        {
            var key = string.Join(",", replies[i].Labels.Order(StringComparer.Ordinal));
            dealt.TryGetValue(key, out var n);
            fold[i] = n % folds;
            dealt[key] = n + 1;
        }
        return fold;
    }

    /// <summary>
    /// The threshold with the best recall whose false-positive rate (share of replies without the label scoring at or
    /// above it) stays within <paramref name="maxFalsePositiveRate"/>, and the figures at it.
    /// </summary>
    public static CrossValidatedFigures Evaluate(IReadOnlyList<LabelledReply> replies, float[][] scores, int slot, string label, double maxFalsePositiveRate)
    {
        var positives = Enumerable.Range(0, replies.Count).Where(i => replies[i].Has(label)).Select(i => scores[i][slot]).ToArray();
        var negatives = Enumerable.Range(0, replies.Count).Where(i => !replies[i].Has(label)).Select(i => scores[i][slot]).ToArray();
        var clean = Enumerable.Range(0, replies.Count).Where(i => replies[i].Labels.Count == 0).Select(i => scores[i][slot]).ToArray();

        var threshold = ThresholdChoice.BestRecallWithin(positives, negatives, maxFalsePositiveRate);

        var figures = At(threshold, positives, negatives, clean);
        var half = At(0.5, positives, negatives, clean);
        figures.RecallAtHalf = half.Recall;
        figures.PrecisionAtHalf = half.Precision;
        figures.Auc = Math.Round(Auc(positives, negatives), 4);
        return figures;
    }

    private static CrossValidatedFigures At(double threshold, float[] positives, float[] negatives, float[] clean)
    {
        var truePositives = positives.Count(p => p >= threshold);
        var falsePositives = negatives.Count(p => p >= threshold);
        return new CrossValidatedFigures
        {
            Threshold = threshold,
            Recall = Ratio(truePositives, positives.Length),
            Precision = Ratio(truePositives, truePositives + falsePositives),
            FalsePositiveRate = Ratio(falsePositives, negatives.Length),
            CleanFlagged = Ratio(clean.Count(p => p >= threshold), clean.Length),
        };
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    /// <summary>Probability that a random positive scores above a random negative (ties count half).</summary>
    private static double Auc(float[] positives, float[] negatives)
    {
        if (positives.Length == 0 || negatives.Length == 0) return 0;
        double wins = 0;
        foreach (var p in positives)
        {
            foreach (var n in negatives) wins += p > n ? 1 : p == n ? 0.5 : 0;
        }
        return wins / positives.Length / negatives.Length;
    }
}
