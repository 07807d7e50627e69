using Microsoft.ML;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.Tools.TrainScreeningModel;

public sealed record TrainingOptions
{
    public required IReadOnlyList<string> DataFiles { get; init; }
    public IReadOnlyList<string> CorrectionFiles { get; init; } = [];
    public required string OutputPath { get; init; }
    public TrainerKind Trainer { get; init; } = TrainerKind.SdcaLogisticRegression;
    public FeatureKind Features { get; init; } = FeatureKind.Stems;

    /// <summary>Also cross-validate the other trainer and record both in the manifest.</summary>
    public bool Compare { get; init; }

    /// <summary>Cross-validation folds; <see cref="CrossValidation.LeaveOneWriterOut"/> (0) holds out one batch at a time.</summary>
    public int Folds { get; init; } = CrossValidation.LeaveOneWriterOut;

    /// <summary>Folds trained at once (the scores do not depend on it).</summary>
    public int Parallel { get; init; } = 1;
    public int Seed { get; init; } = 20261206;
    /// <summary>The budget of the kinds not in <see cref="MaxFalsePositiveRateByLabel"/>; why 2 %: <see cref="ThresholdChoice.ShippedBudget"/>.</summary>
    public double MaxFalsePositiveRate { get; init; } = ThresholdChoice.ShippedBudget;

    /// <summary>
    /// Kinds whose threshold is chosen by a budget of their own instead of <see cref="MaxFalsePositiveRate"/>. Selvbetjening
    /// has no statutory day count, so a missed one costs less than a clean reply flagged: on new writers its model-only
    /// Possibles were the largest single source of clean flags (companies' how-to questions about self-service read as
    /// requests to be exempted; docs/screening-model.md, "Per-kind false-positive budgets").
    /// </summary>
    public IReadOnlyDictionary<string, double> MaxFalsePositiveRateByLabel { get; init; } = DefaultBudgets;

    /// <summary>The committed model's per-kind budgets (labels not listed use <see cref="MaxFalsePositiveRate"/>).</summary>
    public static readonly IReadOnlyDictionary<string, double> DefaultBudgets = new Dictionary<string, double>
    {
        [ModelLabels.SelfServiceExemption] = ThresholdChoice.ShippedSelfServiceBudget,
    };

    /// <summary>The false-positive budget <paramref name="label"/>'s threshold is chosen by.</summary>
    public double BudgetOf(string label) => MaxFalsePositiveRateByLabel.TryGetValue(label, out var budget) ? budget : MaxFalsePositiveRate;

    /// <summary>A label with fewer positive replies is not trained: its cross-validated figures would mean nothing.</summary>
    public int MinPositives { get; init; } = 20;

    /// <summary>
    /// Where to write every reply's out-of-fold scores (JSON Lines: source, text, scores per label), or null. The
    /// evaluation replays them through the rules (tools/EvaluateScreening --oof) to measure rules and model together on
    /// batches the model did not see.
    /// </summary>
    public string? OutOfFoldScoresPath { get; init; }

    /// <summary>
    /// Out-of-fold scores of an earlier run on the same data (its --scores-out) used instead of training the folds again:
    /// thresholds chosen by another budget in minutes. Refused when the file does not score exactly this training set.
    /// </summary>
    public string? OutOfFoldScoresFrom { get; init; }

    /// <summary>
    /// Experiments only: hold out just these batches (file names), each on its own, write their scores to
    /// <see cref="OutOfFoldScoresPath"/> and stop — no thresholds, no model. A cheap leave-one-writer-out row per writer.
    /// </summary>
    public IReadOnlyList<string> HoldOut { get; init; } = [];

    /// <summary>SDCA's L2 regularisation; the committed model uses <see cref="ScreeningPipeline.DefaultL2"/>.</summary>
    public float L2 { get; init; } = ScreeningPipeline.DefaultL2;

    /// <summary>Shown in the manifest instead of absolute paths (repository-relative names).</summary>
    public Func<string, string> SourceName { get; init; } = Path.GetFileName!;
}

/// <summary>Cross-validates, chooses thresholds, trains on everything and writes the model zip with its sealed manifest.</summary>
public static class ScreeningModelTrainer
{
    public static ScreeningModelManifest Train(TrainingOptions options, TextWriter log)
    {
        var set = TrainingSet.Build(options.DataFiles, options.CorrectionFiles);
        foreach (var warning in set.Warnings) log.WriteLine("warning: " + warning);
        var trained = ModelLabels.All.Where(l => set.Count(l) >= options.MinPositives).ToList();
        if (trained.Count == 0) throw new InvalidDataException($"No label has {options.MinPositives} positive replies; nothing to train.");
        if (options.HoldOut.Count > 0)
        {
            var heldOutScores = CrossValidation.OutOfFoldScores(set, trained, options.Trainer, options.Folds, options.Seed, options.Parallel, log, options.Features, options.HoldOut, options.L2);
            WriteScores(options.OutOfFoldScoresPath ?? throw new InvalidDataException("--hold-out needs --scores-out"), set, trained, heldOutScores);
            return new ScreeningModelManifest();
        }
        log.WriteLine($"{set.Replies.Count} replies ({set.Corrections} corrections applied); " +
            string.Join(", ", ModelLabels.All.Select(l => $"{l} {set.Count(l)}")) + $", none {set.Replies.Count(r => r.Labels.Count == 0)}");

        var manifest = new ScreeningModelManifest
        {
            TrainingDataSha256 = set.DataSha256,
            TrainingReplies = set.Replies.Count,
            Sources = options.DataFiles.Concat(options.CorrectionFiles).Select(options.SourceName).ToList(),
            Corrections = set.Corrections,
            Trainer = options.Trainer.ToString(),
            Features = ScreeningPipeline.DescriptionOf(options.Features),
            Input = ScreeningPipeline.InputOf(options.Features),
            Seed = options.Seed,
            Folds = options.Folds,
            MaxFalsePositiveRate = options.MaxFalsePositiveRate,
        };

        if (options.OutOfFoldScoresFrom is not null && options.Compare) throw new InvalidDataException("--scores-from holds one trainer's scores; it cannot --compare.");
        var trainers = options.Compare ? Enum.GetValues<TrainerKind>() : [options.Trainer];
        foreach (var trainer in trainers)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var scores = options.OutOfFoldScoresFrom is { } recorded ? RecordedOutOfFoldScores.Read(recorded, set, trained)
                : CrossValidation.OutOfFoldScores(set, trained, trainer, options.Folds, options.Seed, options.Parallel, log, options.Features, l2: options.L2);
            var figures = trained.Select((label, slot) => (label, CrossValidation.Evaluate(set.Replies, scores, slot, label, options.BudgetOf(label))))
                .ToDictionary(p => p.label, p => p.Item2);
            manifest.Comparison[trainer.ToString()] = figures;
            if (trainer == options.Trainer && options.OutOfFoldScoresPath is { } scoresPath) WriteScores(scoresPath, set, trained, scores);
            log.WriteLine(options.OutOfFoldScoresFrom is null ? $"{trainer}: {FoldsName(options.Folds)} cross-validation in {started.Elapsed.TotalSeconds:F0} s"
                : $"{trainer}: {FoldsName(options.Folds)} out-of-fold scores read from {options.OutOfFoldScoresFrom}");
            foreach (var (label, f) in figures)
            {
                log.WriteLine($"  {label,-18} AUC {f.Auc:F3}  budget {options.BudgetOf(label):P2}  at {f.Threshold:F3}: recall {f.Recall:P1} precision {f.Precision:P1} " +
                    $"FPR {f.FalsePositiveRate:P1} clean flagged {f.CleanFlagged:P1}  (at 0.5: recall {f.RecallAtHalf:P1} precision {f.PrecisionAtHalf:P1})");
            }
        }

        var chosen = manifest.Comparison[options.Trainer.ToString()];
        manifest.Kinds = ModelLabels.All.Select(label => new ModelKind
        {
            Label = label,
            Positives = set.Count(label),
            Trained = trained.Contains(label),
            Threshold = chosen.TryGetValue(label, out var f) ? f.Threshold : 0,
            MaxFalsePositiveRate = trained.Contains(label) && options.MaxFalsePositiveRateByLabel.TryGetValue(label, out var budget) ? budget : null,
            CrossValidation = f,
        }).ToList();

        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(set.Replies.Select(r => TrainingRow.From(r, options.Features)).ToList());
        var model = ScreeningPipeline.Build(ml, trained, options.Trainer, options.Features, options.L2).Fit(data);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!);
        // Written to a temporary file first: a half-written zip must never sit beside a valid manifest.
        var temporary = options.OutputPath + ".tmp";
        ml.Model.Save(model, data.Schema, temporary);
        File.Move(temporary, options.OutputPath, overwrite: true);
        manifest.SealAndWrite(options.OutputPath);
        log.WriteLine($"wrote {options.OutputPath} ({new FileInfo(options.OutputPath).Length / 1024} kB) and {ScreeningModelManifest.PathBeside(options.OutputPath)}");
        return manifest;
    }

    private static string FoldsName(int folds) => folds == CrossValidation.LeaveOneWriterOut ? "leave-one-writer-out" : $"{folds}-fold";

    private static void WriteScores(string path, TrainingSet set, IReadOnlyList<string> labels, float[][] scores)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        for (var i = 0; i < set.Replies.Count; i++)
        {
            if (scores[i] is null) continue;
            var line = new Newtonsoft.Json.Linq.JObject
            {
                ["source"] = set.Replies[i].Source,
                ["text"] = set.Replies[i].Text,
                ["scores"] = new Newtonsoft.Json.Linq.JObject(labels.Select((label, slot) => new Newtonsoft.Json.Linq.JProperty(label, scores[i][slot]))),
            };
            writer.WriteLine(line.ToString(Newtonsoft.Json.Formatting.None));
        }
    }
}
