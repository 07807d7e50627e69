namespace SmartPost.Api.Screening.Learned;

/// <summary>
/// Placeholder for the learned second opinion (the ML.NET model is built on its own branch and replaces this file):
/// the screener's seam is this class and its <see cref="Score"/>. This placeholder has no model and scores nothing.
/// </summary>
public class ReplyClassifier
{
    /// <summary>Per kind, the model's probability that the writer's own text asks for it.</summary>
    public virtual IReadOnlyDictionary<FlagKind, float> Score(string ownText) => new Dictionary<FlagKind, float>();
}
