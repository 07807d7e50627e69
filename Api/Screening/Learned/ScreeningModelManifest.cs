using Newtonsoft.Json;

using SmartPost.Api.Infrastructure;

namespace SmartPost.Api.Screening.Learned;

/// <summary>
/// What a trained screening model is, stored beside it as <c>screening-model.json</c>: the hash of the data it learned
/// from, the per-kind thresholds chosen by cross-validation and the figures behind them. The seal binds this file to its
/// model zip, so neither can be swapped or edited on its own.
/// </summary>
public sealed class ScreeningModelManifest : SealedModelManifest
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

    /// <summary>
    /// Reads the manifest beside <paramref name="modelPath"/> and checks it against the zip. Throws
    /// <see cref="InvalidOperationException"/> saying what does not match and how to fix it.
    /// </summary>
    public static ScreeningModelManifest ReadVerified(string modelPath) => ReadVerified<ScreeningModelManifest>(modelPath, new Wording(
        "Screening model",
        $"Screening model not found: '{modelPath}' (setting Screening:ModelPath). Train it with: dotnet run --project tools/TrainScreeningModel",
        $"Screening model manifest not found: '{PathBeside(modelPath)}'. The model and its manifest are written together by tools/TrainScreeningModel.",
        (zipHash, said) => $"Screening model '{modelPath}' does not match its manifest: the zip's SHA-256 is {zipHash}, the manifest says {said}. " +
            "Retrain with tools/TrainScreeningModel so the pair is written together.",
        $"Screening model manifest '{PathBeside(modelPath)}' was changed after training (its seal does not match; thresholds and figures " +
            "must come from the training run). Retrain with tools/TrainScreeningModel instead of editing the manifest."));
}

/// <summary>One kind in the model: its label, how many training replies carry it, and the threshold the score is compared with.</summary>
public sealed class ModelKind
{
    /// <summary>The corpus label: aktindsigt, klage, fristforlaengelse or selvbetjening.</summary>
    public string Label { get; set; } = "";
    public int Positives { get; set; }
    public bool Trained { get; set; }
    public double Threshold { get; set; }

    /// <summary>
    /// The kind's own false-positive budget when it differs from the manifest's <see cref="ScreeningModelManifest.MaxFalsePositiveRate"/>
    /// (selvbetjening, which has no statutory deadline, gets a stricter one). Left out when null, so older manifests keep their seal.
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public double? MaxFalsePositiveRate { get; set; }

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
