namespace SmartPost.Benchmarks.ScreeningBackstop;

/// <summary>
/// L2-regularised logistic regression over binary features, trained by full-batch gradient descent with AdaGrad
/// steps. Small and dependency-free on purpose: a few hundred labelled replies, a few thousand features.
/// </summary>
public static class LogisticTrainer
{
    /// <param name="documents">Each reply's feature set.</param>
    /// <param name="positive">Whether each reply carries the label.</param>
    /// <param name="positiveWeight">Weight of a positive example (&gt; 1 favours recall).</param>
    /// <param name="minCount">Features seen in fewer replies are dropped (noise on a small set).</param>
    public static LabelModel Train(IReadOnlyList<HashSet<string>> documents, IReadOnlyList<bool> positive,
        double positiveWeight = 2.0, double l2 = 0.01, int epochs = 300, int minCount = 2)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in documents)
        foreach (var f in doc)
            counts[f] = counts.GetValueOrDefault(f) + 1;
        var vocabulary = counts.Where(c => c.Value >= minCount).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var index = vocabulary.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        var rows = documents.Select(d => d.Where(index.ContainsKey).Select(f => index[f]).ToArray()).ToArray();

        var weights = new double[vocabulary.Length];
        var squared = new double[vocabulary.Length + 1];
        double bias = 0;
        const double rate = 0.5;
        var totalWeight = positive.Sum(p => p ? positiveWeight : 1.0);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var gradient = new double[vocabulary.Length];
            double biasGradient = 0;
            for (var d = 0; d < rows.Length; d++)
            {
                var z = bias;
                foreach (var f in rows[d]) z += weights[f];
                var error = (Sigmoid(z) - (positive[d] ? 1 : 0)) * (positive[d] ? positiveWeight : 1.0) / totalWeight;
                biasGradient += error;
                foreach (var f in rows[d]) gradient[f] += error;
            }
            for (var f = 0; f < weights.Length; f++)
            {
                var g = gradient[f] + l2 * weights[f] / rows.Length;
                squared[f] += g * g;
                weights[f] -= rate * g / (Math.Sqrt(squared[f]) + 1e-8);
            }
            squared[^1] += biasGradient * biasGradient;
            bias -= rate * biasGradient / (Math.Sqrt(squared[^1]) + 1e-8);
        }

        var kept = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var f = 0; f < weights.Length; f++)
        {
            if (Math.Abs(weights[f]) >= 0.01) kept[vocabulary[f]] = Math.Round(weights[f], 4);
        }
        return new LabelModel { Bias = Math.Round(bias, 4), Threshold = 0.5, Weights = kept };
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
