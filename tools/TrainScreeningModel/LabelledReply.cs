namespace SmartPost.Tools.TrainScreeningModel;

/// <summary>One training example: the model's input text, the labels it carries and the batch (file) it came from.</summary>
/// <param name="Source">The file name of the batch; cross-validation keeps a batch together in one fold.</param>
public sealed record LabelledReply(string Text, IReadOnlySet<string> Labels, string Source = "")
{
    public bool Has(string label) => Labels.Contains(label);
}
