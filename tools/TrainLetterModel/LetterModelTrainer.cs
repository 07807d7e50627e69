using Microsoft.ML;
using Microsoft.ML.Trainers;
using SmartPost.Api.Guidance;
using SmartPost.Api.Guidance.Learned;

namespace SmartPost.Tools.TrainLetterModel;

/// <summary>
/// Trains the linear category model: SDCA maximum entropy over the hashed text-core features, one thread, fixed seed,
/// examples in a fixed order, so the same letters give the same model.
/// </summary>
public static class LetterModelTrainer
{
    public const int Seed = 20261206;
    public const float L2 = 1e-4f;
    public const int Iterations = 100;

    public static string Description => $"SdcaMaximumEntropy (L2 {L2}, {Iterations} iterations, 1 thread, seed {Seed})";

    public static ITransformer Train(IEnumerable<(int[] Features, GuidanceCategory Category)> examples)
    {
        var ml = new MLContext(Seed);
        var rows = examples.Select(e => LetterModelRow.For(e.Category, e.Features)).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        // The key order is the enum's, so class k of the model is (GuidanceCategory)k.
        var categories = ml.Data.LoadFromEnumerable(Enum.GetNames<GuidanceCategory>().Select(n => new CategoryName(n)));
        var toKey = ml.Transforms.Conversion.MapValueToKey(nameof(LetterModelRow.Label), keyData: categories);
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(LetterModelRow.Label),
            FeatureColumnName = nameof(LetterModelRow.Features),
            L2Regularization = L2,
            MaximumNumberOfIterations = Iterations,
            NumberOfThreads = 1,
            Shuffle = false,
        });
        return toKey.Append(trainer).Fit(data);
    }

    public static LetterCategoryModel Model(ITransformer transformer) => LetterCategoryModel.FromTransformer(transformer)
        ?? throw new InvalidOperationException("The trainer did not produce a linear multiclass model.");

    public static void Save(ITransformer transformer, string path)
    {
        var ml = new MLContext(Seed);
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<LetterModelRow>()).Schema;
        ml.Model.Save(transformer, schema, path);
    }
}

internal sealed class CategoryName(string name)
{
    public string Name { get; set; } = name;
}
