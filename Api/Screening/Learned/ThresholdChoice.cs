namespace SmartPost.Api.Screening.Learned;

/// <summary>
/// How a kind's threshold is chosen from held-out scores: the best recall whose false-positive rate (share of replies
/// without the kind scoring at or above it) stays within a bound. Used by the training (on out-of-fold scores) and by
/// the evaluation (on the other writers' scores, to test the choice on a writer it was not made on).
/// </summary>
public static class ThresholdChoice
{
    /// <summary>
    /// The false-positive budget the committed model's thresholds are chosen by (tools/TrainScreeningModel's default),
    /// for the three kinds with a statutory deadline: 2 % since the sixteenth session (1 % before). On four hand-written
    /// writers nothing was fitted to, 2 % found 95.5 % of the requests against 94.1 % at 1 %, for 21.1 % of clean replies
    /// flagged against 19.9 %; beyond 2 % each point of recall costs two to five points of clean flags
    /// (docs/screening.md, "Recall on new writers against clean replies flagged").
    /// </summary>
    public const double ShippedBudget = 0.02;

    /// <summary>
    /// Selvbetjening's own budget: it has no statutory day count, so a missed one costs less than a clean reply flagged
    /// (docs/screening-model.md, "Per-kind false-positive budgets").
    /// </summary>
    public const double ShippedSelfServiceBudget = 0.0025;

    public static double BestRecallWithin(IReadOnlyCollection<float> positives, IReadOnlyCollection<float> negatives, double maxFalsePositiveRate)
    {
        var allowedFalse = (int)Math.Floor(maxFalsePositiveRate * negatives.Count);
        var sortedNegatives = negatives.OrderDescending().ToArray();
        // Strictly above the (allowedFalse+1)-th highest negative score, so at most allowedFalse negatives reach it.
        var bar = sortedNegatives.Length > allowedFalse ? sortedNegatives[allowedFalse] : 0f;
        var candidates = positives.Where(p => p > bar).ToArray();
        var exact = candidates.Length > 0 ? candidates.Min() : Math.Min(1f, MathF.BitIncrement(bar));
        // Rounded down to six decimals for the manifest, so the written threshold keeps every positive the exact one kept.
        return Math.Floor((double)exact * 1e6) / 1e6;
    }
}
