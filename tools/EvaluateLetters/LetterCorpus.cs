using Newtonsoft.Json.Linq;

namespace SmartPost.EvaluateLetters;

/// <summary>
/// The labelled letters in tests/corpus/letters (one JSON object per line, the format of shared/data's
/// letters-sample.jsonl and checks-sample.jsonl). Labelling rules: shared/data/LABELS.md.
/// </summary>
public static class LetterCorpus
{
    public static string Folder { get; } = FindFolder(AppContext.BaseDirectory);

    public static IReadOnlyList<string> Files => Directory.GetFiles(Folder, "*.jsonl").Select(Path.GetFileName).Order().ToList()!;

    /// <summary>A file of the corpus folder by name, or any path.</summary>
    public static IReadOnlyList<CorpusLetter> Read(string file) => File.ReadLines(Path.Combine(Folder, file))
        .Where(l => !string.IsNullOrWhiteSpace(l))
        .Select(l => CorpusLetter.Parse(Path.GetFileName(file), JObject.Parse(l)))
        .ToList();

    public static IReadOnlyList<CorpusLetter> All => Files.SelectMany(Read).ToList();

    /// <summary>tests/corpus/letters of the repository that holds <paramref name="start"/> (searched upwards).</summary>
    private static string FindFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "tests", "corpus", "letters");
            if (Directory.Exists(corpus)) return corpus;
        }
        throw new DirectoryNotFoundException($"tests/corpus/letters not found above {start}.");
    }
}
