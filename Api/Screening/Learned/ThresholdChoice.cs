namespace SmartPost.Api.Screening.Learned;

/// <summary>
/// How a kind's threshold is chosen from held-out scores: the best recall whose false-positive rate (share of replies
/// without the kind scoring at or above it) stays within a bound. Used by the training (on out-of-fold scores) and by
/// the evaluation (on the other writers' scores, to test the choice on a writer it was not made on).
/// </summary>
public static class ThresholdChoice
{
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
