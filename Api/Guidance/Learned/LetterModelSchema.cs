using Microsoft.ML.Data;

namespace SmartPost.Api.Guidance.Learned;

/// <summary>
/// One training row of the category model: the category's name (mapped to a key in <see cref="GuidanceCategory"/> order
/// by the trainer, so the model's classes are that order) and the hashed features of <see cref="LetterFeatures"/>.
/// </summary>
public sealed class LetterModelRow
{
    public static readonly int ClassCount = Enum.GetValues<GuidanceCategory>().Length;

    public string Label { get; set; } = "";

    [VectorType(LetterFeatures.Dimension)]
    public VBuffer<float> Features { get; set; }

    public static LetterModelRow For(GuidanceCategory? category, IReadOnlyList<int> features) => new()
    {
        Label = category?.ToString() ?? "",
        Features = new VBuffer<float>(LetterFeatures.Dimension, features.Count, Enumerable.Repeat(1f, features.Count).ToArray(), features.ToArray()),
    };
}
