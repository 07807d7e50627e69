using Microsoft.ML.Data;

namespace SmartPost.Api.Screening.Learned;

/// <summary>What the model reads: <see cref="ReplyClassifier.InputText"/> of a reply.</summary>
public sealed class ReplyModelInput
{
    public const string TextColumn = "Text";

    [ColumnName(TextColumn)]
    public string Text { get; set; } = "";
}

/// <summary>What the model writes: one probability per trained kind, in the manifest's order.</summary>
public sealed class ReplyModelOutput
{
    public const string ProbabilitiesColumn = "Probabilities";

    [ColumnName(ProbabilitiesColumn)]
    public float[] Probabilities { get; set; } = [];
}
