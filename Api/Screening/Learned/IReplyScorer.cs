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

    /// <summary>
    /// The same scores, where <paramref name="words"/> has just read the reply the input text comes from (the screener's
    /// analyzer): a scorer that reads stems may take them from its memo instead of running the analysis chain again.
    /// </summary>
    IReadOnlyDictionary<FlagKind, float> Score(string inputText, Text.TextAnalyzer words) => Score(inputText);
}
