namespace SmartPost.Tools.TrainScreeningModel;

/// <summary>One training example: the model's input text and the labels it carries.</summary>
public sealed record LabelledReply(string Text, IReadOnlySet<string> Labels)
{
    public bool Has(string label) => Labels.Contains(label);
}
