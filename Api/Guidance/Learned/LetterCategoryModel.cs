using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace SmartPost.Api.Guidance.Learned;

/// <summary>
/// The learned category model applied by hand: a linear multiclass model (ML.NET's SDCA maximum entropy, trained by
/// tools/TrainLetterModel) whose weights are read out of the zip once, so scoring a letter is a sum of weights over its
/// hashed features and a softmax — no ML.NET pipeline per letter (about a microsecond instead of tens).
/// </summary>
public sealed class LetterCategoryModel
{
    // Feature-major ([feature * classes + class]): a letter's features each read one short run of weights, instead of 13
    // scattered reads. 16-bit fixed point (weight = value * _scale, the scale set by the largest weight): half the bytes of
    // floats, so the table (2^14 features × 13 classes, 426 kB) takes a quarter of the cache it took, and a letter's sums
    // are integer additions. The rounding (at most half a step, 1.5e-5 of the largest weight) keeps the
    // probabilities ML.NET's own (LetterModelTests), and the trainer evaluates and chooses with this very class.
    private readonly short[] _weights;
    private readonly float _scale;
    private readonly float[] _biases;

    /// <param name="weights">Class-major: [class * Dimension + feature].</param>
    public LetterCategoryModel(float[] weights, float[] biases)
    {
        if (biases.Length != LetterModelRow.ClassCount || weights.Length != biases.Length * LetterFeatures.Dimension)
            throw new ArgumentException($"A letter model has {LetterModelRow.ClassCount} classes over {LetterFeatures.Dimension} features.");
        var classes = biases.Length;
        var largest = 0f;
        foreach (var w in weights) largest = MathF.Max(largest, MathF.Abs(w));
        _scale = largest > 0 ? largest / short.MaxValue : 1f;
        _weights = new short[weights.Length];
        for (var c = 0; c < classes; c++)
            for (var f = 0; f < LetterFeatures.Dimension; f++)
                _weights[f * classes + c] = (short)MathF.Round(weights[c * LetterFeatures.Dimension + f] / _scale);
        _biases = biases;
    }

    /// <summary>Reads the linear model out of an ML.NET zip written by tools/TrainLetterModel.</summary>
    public static LetterCategoryModel Load(string zipPath)
    {
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(zipPath, out _);
        return FromTransformer(transformer)
            ?? throw new InvalidOperationException($"'{zipPath}' is not a letter category model (no linear multiclass model inside). Train it with: tools/TrainLetterModel/retrain.sh");
    }

    public static LetterCategoryModel? FromTransformer(ITransformer transformer)
    {
        var parameters = transformer switch
        {
            MulticlassPredictionTransformer<MaximumEntropyModelParameters> p => p.Model,
            IEnumerable<ITransformer> chain => chain.OfType<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>().LastOrDefault()?.Model,
            _ => null,
        };
        if (parameters is null) return null;
        VBuffer<float>[] rows = [];
        parameters.GetWeights(ref rows, out var classes);
        ImmutableArray<float> biases = [.. parameters.GetBiases()];
        var weights = new float[LetterModelRow.ClassCount * LetterFeatures.Dimension];
        for (var c = 0; c < classes && c < LetterModelRow.ClassCount; c++)
        {
            var row = rows[c];
            var values = row.GetValues();
            if (row.IsDense)
            {
                values.CopyTo(weights.AsSpan(c * LetterFeatures.Dimension, values.Length));
            }
            else
            {
                var indices = row.GetIndices();
                for (var i = 0; i < indices.Length; i++) weights[c * LetterFeatures.Dimension + indices[i]] = values[i];
            }
        }
        var b = new float[LetterModelRow.ClassCount];
        for (var c = 0; c < biases.Length && c < b.Length; c++) b[c] = biases[c];
        return new LetterCategoryModel(weights, b);
    }

    /// <summary>The probability of each category (in <see cref="GuidanceCategory"/> order) for a letter's features.</summary>
    public void Probabilities(ReadOnlySpan<int> features, Span<float> probabilities)
    {
        var classes = _biases.Length;
        // Sums of at most a few thousand 16-bit weights fit an int by far.
        Span<int> sums = stackalloc int[classes];
        foreach (var f in features)
        {
            var row = _weights.AsSpan(f * classes, classes);
            for (var c = 0; c < classes; c++) sums[c] += row[c];
        }
        for (var c = 0; c < classes; c++) probabilities[c] = _biases[c] + sums[c] * _scale;
        var max = float.NegativeInfinity;
        for (var c = 0; c < classes; c++) max = MathF.Max(max, probabilities[c]);
        var sum = 0f;
        for (var c = 0; c < _biases.Length; c++) sum += probabilities[c] = MathF.Exp(probabilities[c] - max);
        for (var c = 0; c < _biases.Length; c++) probabilities[c] /= sum;
    }

    /// <summary>
    /// The most probable category, its probability and its margin over the second most probable (a letter between two
    /// kinds has a small margin even when its top probability looks high).
    /// </summary>
    public (GuidanceCategory Category, float Probability, float Margin) Best(ReadOnlySpan<int> features)
    {
        Span<float> p = stackalloc float[LetterModelRow.ClassCount];
        Probabilities(features, p);
        var best = 0;
        for (var c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
        var second = 0f;
        for (var c = 0; c < p.Length; c++) if (c != best && p[c] > second) second = p[c];
        return ((GuidanceCategory)best, p[best], p[best] - second);
    }
}
