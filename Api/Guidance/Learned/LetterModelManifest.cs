using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace SmartPost.Api.Guidance.Learned;

/// <summary>
/// What the committed letter category model is, stored beside it as <c>letter-model.json</c>: the hash of the letters it
/// learned from, how the rules and the model combine (thresholds chosen by leave-one-writer-out evaluation) and the
/// figures behind that choice. The seal binds the manifest to its zip, so neither can be swapped or edited alone.
/// </summary>
public sealed class LetterModelManifest
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

    public string ModelSha256 { get; set; } = "";
    public string? Seal { get; set; }

    private static readonly JsonSerializerSettings Json = new() { ContractResolver = new CamelCasePropertyNamesContractResolver() };

    public static string PathBeside(string modelPath) => Path.ChangeExtension(modelPath, ".json");

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

    public void SealAndWrite(string modelPath)
    {
        var zip = File.ReadAllBytes(modelPath);
        ModelSha256 = Hex(SHA256.HashData(zip));
        Seal = ComputeSeal(zip);
        File.WriteAllText(PathBeside(modelPath), JsonConvert.SerializeObject(this, Formatting.Indented, Json) + "\n");
    }

    /// <summary>The combination the manifest records, with the model it belongs to.</summary>
    public CategorySecondOpinion SecondOpinion(LetterCategoryModel model) =>
        new(model, ThresholdWhenRulesClear, ThresholdWhenRulesUnsure, CandidatesOnly, SameReplyOption, MinimumContentWords, MinimumMargin, ThresholdToDoubtClearRules);

    /// <summary>Reads the manifest beside the zip and checks that both belong together; throws saying what does not match.</summary>
    public static LetterModelManifest ReadVerified(string modelPath)
    {
        var manifestPath = PathBeside(modelPath);
        const string retrain = "Retrain with: tools/TrainLetterModel/retrain.sh";
        if (!File.Exists(modelPath)) throw new InvalidOperationException($"Letter model not found: '{modelPath}' (setting Guidance:LetterModelPath). {retrain}");
        if (!File.Exists(manifestPath)) throw new InvalidOperationException($"Letter model manifest not found: '{manifestPath}'. {retrain}");
        LetterModelManifest? manifest;
        try
        {
            manifest = JsonConvert.DeserializeObject<LetterModelManifest>(File.ReadAllText(manifestPath), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Letter model manifest '{manifestPath}' is not valid JSON: {e.Message}");
        }
        if (manifest is null) throw new InvalidOperationException($"Letter model manifest '{manifestPath}' is empty.");
        var zip = File.ReadAllBytes(modelPath);
        if (!string.Equals(Hex(SHA256.HashData(zip)), manifest.ModelSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Letter model '{modelPath}' does not match its manifest (SHA-256 differs). {retrain}");
        if (!string.Equals(manifest.ComputeSeal(zip), manifest.Seal, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Letter model manifest '{manifestPath}' was changed after training (its seal does not match). {retrain}");
        return manifest;
    }

    private string ComputeSeal(byte[] zip)
    {
        var seal = Seal;
        Seal = null;
        try
        {
            var body = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(this, Formatting.None, Json));
            return Hex(SHA256.HashData([.. zip, .. body]));
        }
        finally
        {
            Seal = seal;
        }
    }

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
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
