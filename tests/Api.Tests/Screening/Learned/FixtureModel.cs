using SmartPost.Api.Screening.Learned;
using SmartPost.Tools.TrainScreeningModel;

namespace SmartPost.Api.Tests.Screening.Learned;

/// <summary>Trains models on the small fixture in this folder, each into its own temporary directory.</summary>
public sealed class FixtureModel : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "screening-model-" + Guid.NewGuid().ToString("N"));

    public FixtureModel()
    {
        Directory.CreateDirectory(_directory);
        Baseline = Train("baseline");
    }

    public static string FixturePath { get; } = Path.Combine(AppContext.BaseDirectory, "Screening", "Learned", "training-fixture.jsonl");

    /// <summary>Trained once for the test class: the fixture alone.</summary>
    public (string ModelPath, ScreeningModelManifest Manifest) Baseline { get; }

    public (string ModelPath, ScreeningModelManifest Manifest) Train(string name, params string[] correctionFiles) =>
        Train(name, options => options with { CorrectionFiles = correctionFiles });

    /// <summary>The fixture trained with options the test adjusts (budgets, say).</summary>
    public (string ModelPath, ScreeningModelManifest Manifest) Train(string name, Func<TrainingOptions, TrainingOptions> adjust)
    {
        var output = Path.Combine(_directory, name, "screening-model.zip");
        var manifest = ScreeningModelTrainer.Train(adjust(new TrainingOptions
        {
            DataFiles = [FixturePath],
            OutputPath = output,
            Folds = 3,
            MinPositives = 5,
        }), TextWriter.Null);
        return (output, manifest);
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A model file still mapped by a loaded classifier on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
