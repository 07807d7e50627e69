namespace SmartPost.Benchmarks.ScreeningBackstop;

/// <summary>One label's logistic model: probability = sigmoid(bias + Σ weights of the features present).</summary>
public sealed class LabelModel
{
    public double Bias { get; set; }

    /// <summary>The backstop would flag when the probability is at least this.</summary>
    public double Threshold { get; set; }

    public Dictionary<string, double> Weights { get; set; } = new(StringComparer.Ordinal);

    public double Probability(IEnumerable<string> features)
    {
        var z = Bias;
        foreach (var f in features)
        {
            if (Weights.TryGetValue(f, out var w)) z += w;
        }
        return LogisticTrainer.Sigmoid(z);
    }
}
