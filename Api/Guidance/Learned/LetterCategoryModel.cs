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
    private readonly float[] _weights; // [class * Dimension + feature]
    private readonly float[] _biases;

    public LetterCategoryModel(float[] weights, float[] biases)
    {
        if (biases.Length != LetterModelRow.ClassCount || weights.Length != biases.Length * LetterFeatures.Dimension)
            throw new ArgumentException($"A letter model has {LetterModelRow.ClassCount} classes over {LetterFeatures.Dimension} features.");
        _weights = weights;
        _biases = biases;
    }

    /// <summary>Reads the linear model out of an ML.NET zip written by tools/TrainLetterModel.</summary>
    public static LetterCategoryModel Load(string zipPath)
    {
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(zipPath, out _);
        return FromTransformer(transformer)
            ?? throw new InvalidOperationException($"'{zipPath}' is not a letter category model (no linear multiclass model inside). Train it with: dotnet run --project tools/TrainLetterModel");
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
        var max = float.NegativeInfinity;
        for (var c = 0; c < _biases.Length; c++)
        {
            var score = _biases[c];
            var row = _weights.AsSpan(c * LetterFeatures.Dimension, LetterFeatures.Dimension);
            foreach (var f in features) score += row[f];
            probabilities[c] = score;
            if (score > max) max = score;
        }
        var sum = 0f;
        for (var c = 0; c < _biases.Length; c++) sum += probabilities[c] = MathF.Exp(probabilities[c] - max);
        for (var c = 0; c < _biases.Length; c++) probabilities[c] /= sum;
    }

    /// <summary>The most probable category and its probability.</summary>
    public (GuidanceCategory Category, float Probability) Best(ReadOnlySpan<int> features)
    {
        Span<float> p = stackalloc float[LetterModelRow.ClassCount];
        Probabilities(features, p);
        var best = 0;
        for (var c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
        return ((GuidanceCategory)best, p[best]);
    }
}
