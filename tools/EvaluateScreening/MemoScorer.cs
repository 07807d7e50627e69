using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.EvaluateScreening;

/// <summary>
/// A model's scores computed once per input text and compared with other thresholds: the curve screens the same
/// replies at a dozen thresholds, and the score of a text does not depend on them.
/// </summary>
public sealed class MemoScorer(IReplyScorer model) : IReplyScorer
{
    private readonly Dictionary<string, IReadOnlyDictionary<FlagKind, float>> _scores = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<FlagKind, float> Thresholds => model.Thresholds;

    public IReadOnlyDictionary<FlagKind, float> Score(string inputText)
    {
        if (!_scores.TryGetValue(inputText, out var scores)) _scores[inputText] = scores = model.Score(inputText);
        return scores;
    }

    /// <summary>The same (shared) scores against these thresholds.</summary>
    public IReplyScorer WithThresholds(IReadOnlyDictionary<FlagKind, float> thresholds) => new Compared(this, thresholds);

    private sealed class Compared(MemoScorer scores, IReadOnlyDictionary<FlagKind, float> thresholds) : IReplyScorer
    {
        public IReadOnlyDictionary<FlagKind, float> Thresholds => thresholds;
        public IReadOnlyDictionary<FlagKind, float> Score(string inputText) => scores.Score(inputText);
    }
}
