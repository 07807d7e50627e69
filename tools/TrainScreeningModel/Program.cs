using SmartPost.Api.Screening.Learned;

namespace SmartPost.Tools.TrainScreeningModel;

// Trains the learned second opinion of the reply screening and writes Api/Rules/screening-model.zip + .json.
// dotnet run --project tools/TrainScreeningModel -- [--data <files or dirs>...] [--corrections <jsonl>...] [--out <zip>]
//   [--trainer sdca|lightgbm] [--features stems|chars|stems+concepts|stems+lemmas|stems+concepts+lemmas|stems+chars] [--compare] [--max-fpr 0.01] [--max-fpr-for <label>=<rate>] [--folds writer|<k>] [--parallel 1] [--min-positives 20] [--scores-out <jsonl>]
// --scores-out writes every reply's out-of-fold scores for tools/EvaluateScreening --oof.
// --l2 <value> SDCA's L2 regularisation (default 1e-5).
// --max-fpr-for <label>=<rate> a kind's own false-positive budget (repeatable; default selvbetjening=0.0025, the others --max-fpr).
// --scores-from <jsonl> an earlier run's --scores-out on the same data instead of the folds: thresholds chosen again in minutes.
// --hold-out <file names>... (experiments) holds out only those batches, each on its own, writes their scores and stops.
internal static class Program
{
    public static int Main(string[] args)
    {
        var root = RepositoryRoot();
        var data = new List<string>();
        var corrections = new List<string>();
        var holdOut = new List<string>();
        var l2 = ScreeningPipeline.DefaultL2;
        string? output = null;
        string? scoresOut = null;
        string? scoresFrom = null;
        var trainer = TrainerKind.SdcaLogisticRegression;
        var compare = false;
        var defaults = new TrainingOptions { DataFiles = [], OutputPath = "" };
        var features = defaults.Features;
        double maxFpr = defaults.MaxFalsePositiveRate;
        var budgets = new Dictionary<string, double>(defaults.MaxFalsePositiveRateByLabel);
        int folds = defaults.Folds, minPositives = defaults.MinPositives, parallel = defaults.Parallel;

        List<string>? collecting = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data": collecting = data; break;
                case "--corrections": collecting = corrections; break;
                case "--hold-out": collecting = holdOut; break;
                case "--out": output = Value(ref i); collecting = null; break;
                case "--trainer":
                    trainer = Value(ref i).ToLowerInvariant() switch
                    {
                        "sdca" => TrainerKind.SdcaLogisticRegression,
                        "lightgbm" => TrainerKind.LightGbm,
                        var other => throw Usage($"unknown trainer '{other}' (sdca or lightgbm)"),
                    };
                    collecting = null;
                    break;
                case "--features":
                    features = Value(ref i).ToLowerInvariant() switch
                    {
                        "chars" => FeatureKind.Characters,
                        "stems" => FeatureKind.Stems,
                        "stems+concepts" => FeatureKind.StemsConcepts,
                        "stems+lemmas" => FeatureKind.StemsLemmas,
                        "stems+concepts+lemmas" => FeatureKind.StemsConceptsLemmas,
                        "stems+chars" => FeatureKind.StemsChars,
                        var other => throw Usage($"unknown features '{other}' (chars, stems, stems+concepts, stems+lemmas, stems+concepts+lemmas or stems+chars)"),
                    };
                    collecting = null;
                    break;
                case "--scores-out": scoresOut = Value(ref i); collecting = null; break;
                case "--scores-from": scoresFrom = Value(ref i); collecting = null; break;
                case "--compare": compare = true; collecting = null; break;
                case "--max-fpr": maxFpr = double.Parse(Value(ref i), System.Globalization.CultureInfo.InvariantCulture); collecting = null; break;
                case "--max-fpr-for":
                    var (label, rate) = Budget(Value(ref i));
                    budgets[label] = rate;
                    collecting = null;
                    break;
                case "--folds":
                    var foldsValue = Value(ref i);
                    folds = foldsValue == "writer" ? CrossValidation.LeaveOneWriterOut : int.Parse(foldsValue, System.Globalization.CultureInfo.InvariantCulture);
                    collecting = null;
                    break;
                case "--l2": l2 = float.Parse(Value(ref i), System.Globalization.CultureInfo.InvariantCulture); collecting = null; break;
                case "--parallel": parallel = int.Parse(Value(ref i), System.Globalization.CultureInfo.InvariantCulture); collecting = null; break;
                case "--min-positives": minPositives = int.Parse(Value(ref i), System.Globalization.CultureInfo.InvariantCulture); collecting = null; break;
                case var value when collecting is not null && !value.StartsWith("--", StringComparison.Ordinal): collecting.Add(value); break;
                default: throw Usage($"unexpected argument '{args[i]}'");
            }
        }

        try
        {
            var files = ReplyFiles.Expand(data.Count > 0 ? data : DefaultData(root));
            var options = new TrainingOptions
            {
                DataFiles = files,
                CorrectionFiles = ReplyFiles.Expand(corrections),
                OutputPath = Path.GetFullPath(output ?? Path.Combine(root, "Api", "Rules", "screening-model.zip")),
                Trainer = trainer,
                Features = features,
                Compare = compare,
                MaxFalsePositiveRate = maxFpr,
                MaxFalsePositiveRateByLabel = budgets,
                Folds = folds,
                Parallel = parallel,
                MinPositives = minPositives,
                OutOfFoldScoresPath = scoresOut is null ? null : Path.GetFullPath(scoresOut),
                OutOfFoldScoresFrom = scoresFrom is null ? null : Path.GetFullPath(scoresFrom),
                HoldOut = holdOut,
                L2 = l2,
                SourceName = path => Path.GetRelativePath(root, path).Replace('\\', '/'),
            };
            ScreeningModelTrainer.Train(options, Console.Out);
            return 0;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }

        string Value(ref int i) => ++i < args.Length ? args[i] : throw Usage($"{args[i - 1]} needs a value");
    }

    // "selvbetjening=0.0025": a corpus label and its budget.
    private static (string Label, double Rate) Budget(string value)
    {
        var parts = value.Split('=', 2);
        if (parts.Length != 2 || !ModelLabels.All.Contains(parts[0]))
            throw Usage($"--max-fpr-for needs <label>=<rate> with a label of {string.Join(", ", ModelLabels.All)}, not '{value}'");
        return (parts[0], double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ArgumentException Usage(string message) => new(message + Environment.NewLine +
        "usage: dotnet run --project tools/TrainScreeningModel -- [--data <files or dirs>...] [--corrections <jsonl>...] [--out <zip>] " +
        "[--trainer sdca|lightgbm] [--features stems|chars|stems+concepts|stems+lemmas|stems+concepts+lemmas|stems+chars] [--compare] [--max-fpr 0.01] [--max-fpr-for <label>=<rate>] [--folds writer|<k>] [--parallel 1] [--min-positives 20] [--scores-out <jsonl>] [--scores-from <jsonl>] [--l2 1e-5] [--hold-out <file names>...]");

    // The corpus folder; until every labelled file has moved there, also the files still beside the screening tests
    // (a reply present in both is trained once).
    private static IEnumerable<string> DefaultData(string root)
    {
        var corpus = Path.Combine(root, "tests", "corpus", "replies");
        if (Directory.Exists(corpus)) yield return corpus;
        var legacy = Path.Combine(root, "tests", "Api.Tests", "Screening");
        if (!Directory.Exists(legacy)) yield break;
        foreach (var file in Directory.GetFiles(legacy, "blind-replies*.jsonl").Order(StringComparer.Ordinal)) yield return file;
        if (File.Exists(Path.Combine(legacy, "own-replies.jsonl"))) yield return Path.Combine(legacy, "own-replies.jsonl");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPostAddin.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
