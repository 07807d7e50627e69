using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace SmartPost.Api.Screening.Learned;

/// <summary>
/// What a trained screening model is, stored beside it as <c>screening-model.json</c>: the hash of the data it learned
/// from, the per-kind thresholds chosen by cross-validation and the figures behind them. The seal binds this file to its
/// model zip, so neither can be swapped or edited on its own.
/// </summary>
public sealed class ScreeningModelManifest
{
    public int Schema { get; set; } = 1;

    /// <summary>SHA-256 (hex) of the sorted canonical training lines: the model's input text and its labels, one JSON object per line.</summary>
    public string TrainingDataSha256 { get; set; } = "";

    public int TrainingReplies { get; set; }
    public List<string> Sources { get; set; } = [];
    public int Corrections { get; set; }
    public string Trainer { get; set; } = "";
    public string Features { get; set; } = "";

    /// <summary>
    /// What the model's text column holds: null for the input text itself, <see cref="ReplyClassifier.StemsInput"/> for
    /// the text core's folded stems of it (<see cref="ReplyClassifier.ModelText"/>). Left out of the file when null, so
    /// manifests written before it existed keep their seal.
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Input { get; set; }
    public int Seed { get; set; }
    public int Folds { get; set; }

    /// <summary>The highest out-of-fold false-positive rate a threshold may have; among those, the one with the best recall.</summary>
    public double MaxFalsePositiveRate { get; set; }

    /// <summary>Order of the kinds in the model's probability vector; kinds with too few examples are listed with <c>Trained = false</c>.</summary>
    public List<ModelKind> Kinds { get; set; } = [];

    /// <summary>Cross-validated figures of every trainer that was compared, per kind.</summary>
    public Dictionary<string, Dictionary<string, CrossValidatedFigures>> Comparison { get; set; } = [];

    /// <summary>SHA-256 (hex) of the model zip.</summary>
    public string ModelSha256 { get; set; } = "";

    /// <summary>SHA-256 (hex) of the zip's bytes followed by this manifest serialised without the seal.</summary>
    public string? Seal { get; set; }

    public const string FileExtension = ".json";

    private static readonly JsonSerializerSettings Json = new() { ContractResolver = new CamelCasePropertyNamesContractResolver() };

    public static string PathBeside(string modelPath) => Path.ChangeExtension(modelPath, FileExtension);

    /// <summary>Sets <see cref="ModelSha256"/> and <see cref="Seal"/> for this zip and writes the manifest beside it.</summary>
    public void SealAndWrite(string modelPath)
    {
        var zip = File.ReadAllBytes(modelPath);
        ModelSha256 = Hex(SHA256.HashData(zip));
        Seal = ComputeSeal(zip);
        File.WriteAllText(PathBeside(modelPath), JsonConvert.SerializeObject(this, Formatting.Indented, Json) + "\n");
    }

    /// <summary>
    /// Reads the manifest beside <paramref name="modelPath"/> and checks it against the zip. Throws
    /// <see cref="InvalidOperationException"/> saying what does not match and how to fix it.
    /// </summary>
    public static ScreeningModelManifest ReadVerified(string modelPath)
    {
        var manifestPath = PathBeside(modelPath);
        if (!File.Exists(modelPath))
            throw new InvalidOperationException($"Screening model not found: '{modelPath}' (setting Screening:ModelPath). Train it with: dotnet run --project tools/TrainScreeningModel");
        if (!File.Exists(manifestPath))
            throw new InvalidOperationException($"Screening model manifest not found: '{manifestPath}'. The model and its manifest are written together by tools/TrainScreeningModel.");

        ScreeningModelManifest? manifest;
        try
        {
            manifest = JsonConvert.DeserializeObject<ScreeningModelManifest>(File.ReadAllText(manifestPath), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Screening model manifest '{manifestPath}' is not valid JSON: {e.Message}");
        }
        if (manifest is null) throw new InvalidOperationException($"Screening model manifest '{manifestPath}' is empty.");

        var zip = File.ReadAllBytes(modelPath);
        var zipHash = Hex(SHA256.HashData(zip));
        if (!string.Equals(zipHash, manifest.ModelSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Screening model '{modelPath}' does not match its manifest: the zip's SHA-256 is {zipHash}, the manifest says {manifest.ModelSha256}. " +
                "Retrain with tools/TrainScreeningModel so the pair is written together.");
        if (!string.Equals(manifest.ComputeSeal(zip), manifest.Seal, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Screening model manifest '{manifestPath}' was changed after training (its seal does not match; thresholds and figures " +
                "must come from the training run). Retrain with tools/TrainScreeningModel instead of editing the manifest.");
        return manifest;
    }

    private string ComputeSeal(byte[] zip)
    {
        var seal = Seal;
        Seal = null;
        try
        {
            var body = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(this, Formatting.None, Json));
            var all = new byte[zip.Length + body.Length];
            zip.CopyTo(all, 0);
            body.CopyTo(all, zip.Length);
            return Hex(SHA256.HashData(all));
        }
        finally
        {
            Seal = seal;
        }
    }

    public static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
}

/// <summary>One kind in the model: its label, how many training replies carry it, and the threshold the score is compared with.</summary>
public sealed class ModelKind
{
    /// <summary>The corpus label: aktindsigt, klage, fristforlaengelse or selvbetjening.</summary>
    public string Label { get; set; } = "";
    public int Positives { get; set; }
    public bool Trained { get; set; }
    public double Threshold { get; set; }
    public CrossValidatedFigures? CrossValidation { get; set; }
}

/// <summary>Out-of-fold figures at the chosen threshold.</summary>
public sealed class CrossValidatedFigures
{
    public double Threshold { get; set; }
    public double Recall { get; set; }
    public double Precision { get; set; }

    /// <summary>Share of replies without this kind (including other kinds' replies) that score above the threshold.</summary>
    public double FalsePositiveRate { get; set; }

    /// <summary>Share of replies without any label that score above the threshold.</summary>
    public double CleanFlagged { get; set; }
    public double Auc { get; set; }
    public double RecallAtHalf { get; set; }
    public double PrecisionAtHalf { get; set; }
}
