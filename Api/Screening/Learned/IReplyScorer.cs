namespace SmartPost.Api.Screening.Learned;

/// <summary>
/// A learned second opinion as the screener uses it: a probability per kind for a reply's model input text
/// (<see cref="ReplyClassifier.InputText"/>) and the score per kind from which it counts. The app's is
/// <see cref="ReplyClassifier"/>; the evaluation replays recorded out-of-fold scores through the same screener.
/// </summary>
public interface IReplyScorer
{
    IReadOnlyDictionary<FlagKind, float> Thresholds { get; }

    IReadOnlyDictionary<FlagKind, float> Score(string inputText);
}
