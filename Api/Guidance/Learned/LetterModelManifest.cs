using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

using SmartPost.Api.Infrastructure;

namespace SmartPost.Api.Guidance.Learned;

/// <summary>
/// What the committed letter category model is, stored beside it as <c>letter-model.json</c>: the hash of the letters it
/// learned from, how the rules and the model combine (thresholds chosen by leave-one-writer-out evaluation) and the
/// figures behind that choice. The seal binds the manifest to its zip, so neither can be swapped or edited alone.
/// </summary>
public sealed class LetterModelManifest : SealedModelManifest
{
    public int Schema { get; set; } = 1;

    /// <summary>SHA-256 (hex) of the sorted canonical training lines (<see cref="TrainingDataSha256Of"/>).</summary>
    public string TrainingDataSha256 { get; set; } = "";

    public int TrainingLetters { get; set; }
    public List<string> Sources { get; set; } = [];
    public string Trainer { get; set; } = "";
    public string Features { get; set; } = "";
    public int Seed { get; set; }

    /// <summary>The combination adopted; a threshold above 1 means never.</summary>
    public double ThresholdWhenRulesClear { get; set; }
    public double ThresholdWhenRulesUnsure { get; set; }
    public bool CandidatesOnly { get; set; }
    public bool SameReplyOption { get; set; }

    /// <summary>
    /// Rules that are clear about one kind and a model this sure of another: the engine says it is unsure and lets the
    /// caseworker choose (above 1: never; a manifest written before this existed reads as never).
    /// </summary>
    public double ThresholdToDoubtClearRules { get; set; } = 2;

    /// <summary>Per held-out writer group (first runs and known writers) at <see cref="ThresholdToDoubtClearRules"/>: "letters doubted, of them the rules wrong".</summary>
    public Dictionary<string, string> Doubts { get; set; } = [];

    /// <summary>The evidence gates adopted: content words in the letter's own text, lead over the second kind.</summary>
    public int MinimumContentWords { get; set; }
    public double MinimumMargin { get; set; }

    /// <summary>Whether the engine uses the model: only when leave-one-writer-out showed that it helps.</summary>
    public bool Adopted { get; set; }

    /// <summary>
    /// Per held-out writer group, the shipped rules (which have seen every group: the known-writer case): rules alone and
    /// rules + model, measured through the engine, the model trained and the combination chosen without the group.
    /// </summary>
    public List<HeldOutFigures> LeaveOneWriterOut { get; set; } = [];

    /// <summary>
    /// Per blind batch: its first run (the rules file from before the batch was folded in) with and without the model, the
    /// combination chosen without the batch. With <see cref="LeaveOneWriterOut"/> this decides <see cref="Adopted"/>.
    /// </summary>
    public List<HeldOutFigures> FirstRunLeaveOneWriterOut { get; set; } = [];

    /// <summary>
    /// Writers neither the rules nor the training letters have seen (a blind batch not yet folded in), read by the shipped
    /// rules and this model with the adopted combination: measured only, never trained on or chosen by.
    /// </summary>
    public List<HeldOutFigures> NewWriters { get; set; } = [];


    /// <summary>
    /// The training data's fingerprint: one canonical JSON line per labelled letter (title, type, text, caseClosed,
    /// category), sorted, joined by newlines. The same letters give the same hash whatever the file order.
    /// </summary>
    public static string TrainingDataSha256Of(IEnumerable<(LetterFacts Facts, GuidanceCategory Category)> letters)
    {
        var lines = letters.Select(l => new JObject
        {
            ["title"] = l.Facts.DocumentTitle,
            ["type"] = l.Facts.DocumentType,
            ["text"] = l.Facts.Text,
            ["caseClosed"] = l.Facts.CaseClosed,
            ["category"] = l.Category.ToString(),
        }.ToString(Formatting.None)).Order(StringComparer.Ordinal);
        return Hex(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }

    /// <summary>The combination the manifest records, with the model it belongs to.</summary>
    public CategorySecondOpinion SecondOpinion(LetterCategoryModel model) =>
        new(model, ThresholdWhenRulesClear, ThresholdWhenRulesUnsure, CandidatesOnly, SameReplyOption, MinimumContentWords, MinimumMargin, ThresholdToDoubtClearRules);

    /// <summary>Reads the manifest beside the zip and checks that both belong together; throws saying what does not match.</summary>
    public static LetterModelManifest ReadVerified(string modelPath)
    {
        const string retrain = "Retrain with: tools/TrainLetterModel/retrain.sh";
        return ReadVerified<LetterModelManifest>(modelPath, new Wording(
            "Letter model",
            $"Letter model not found: '{modelPath}' (setting Guidance:LetterModelPath). {retrain}",
            $"Letter model manifest not found: '{PathBeside(modelPath)}'. {retrain}",
            (_, _) => $"Letter model '{modelPath}' does not match its manifest (SHA-256 differs). {retrain}",
            $"Letter model manifest '{PathBeside(modelPath)}' was changed after training (its seal does not match). {retrain}"));
    }
}

/// <summary>One held-out writer group: what the engine scores on it with the rules alone and with the model.</summary>
public sealed class HeldOutFigures
{
    public string Group { get; set; } = "";
    public int Letters { get; set; }
    public double ThresholdWhenRulesClear { get; set; }
    public double ThresholdWhenRulesUnsure { get; set; }
    public bool CandidatesOnly { get; set; }
    public bool SameReplyOption { get; set; }
    public int MinimumContentWords { get; set; }
    public double MinimumMargin { get; set; }
    public EngineFigures Rules { get; set; } = new();
    public EngineFigures WithModel { get; set; } = new();
}

public sealed class EngineFigures
{
    public string Category { get; set; } = "";
    public string Recommendation { get; set; } = "";

    /// <summary>Per check: "recall/precision (positives)".</summary>
    public Dictionary<string, string> Checks { get; set; } = [];
}
