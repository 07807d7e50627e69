using Newtonsoft.Json.Linq;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.EvaluateScreening;

/// <summary>
/// Out-of-fold model scores written by tools/TrainScreeningModel --scores-out, replayed as the screener's second
/// opinion: each reply gets the score of a model that saw neither it nor its batch, so rules and model are measured
/// together as on a new writer's text. Thresholds come from the manifest of the same training run.
/// </summary>
public sealed class RecordedScores : IReplyScorer
{
    private readonly Dictionary<string, IReadOnlyDictionary<FlagKind, float>> _byInputText = new(StringComparer.Ordinal);

    public RecordedScores(string scoresPath, string manifestPath)
    {
        foreach (var line in File.ReadLines(scoresPath).Where(l => l.Length > 0))
        {
            var o = JObject.Parse(line);
            _byInputText[(string)o["text"]!] = ((JObject)o["scores"]!).Properties()
                .Where(p => ModelLabels.KindOf(p.Name) is not null)
                .ToDictionary(p => ModelLabels.KindOf(p.Name)!.Value, p => (float)p.Value);
        }
        Thresholds = JObject.Parse(File.ReadAllText(manifestPath))["kinds"]!
            .Where(k => (bool)k["trained"]! && ModelLabels.KindOf((string)k["label"]!) is not null)
            .ToDictionary(k => ModelLabels.KindOf((string)k["label"]!)!.Value, k => (float)k["threshold"]!);
    }

    private RecordedScores(Dictionary<string, IReadOnlyDictionary<FlagKind, float>> byInputText, IReadOnlyDictionary<FlagKind, float> thresholds)
    {
        _byInputText = byInputText;
        Thresholds = thresholds;
    }

    public IReadOnlyDictionary<FlagKind, float> Thresholds { get; }

    /// <summary>The same scores compared with other thresholds (chosen on other writers, say); kinds not given never flag on their own.</summary>
    public RecordedScores WithThresholds(IReadOnlyDictionary<FlagKind, float> thresholds) =>
        new(_byInputText, Thresholds.Keys.ToDictionary(k => k, k => thresholds.TryGetValue(k, out var t) ? t : 2f));

    /// <summary>A text the training did not see (a duplicate dropped, an empty own text) scores 0.</summary>
    public IReadOnlyDictionary<FlagKind, float> Score(string inputText) =>
        _byInputText.TryGetValue(inputText, out var scores) ? scores : new Dictionary<FlagKind, float>();
}
