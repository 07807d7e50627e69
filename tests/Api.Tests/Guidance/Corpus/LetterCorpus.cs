using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Guidance.Corpus;

/// <summary>
/// The labelled letters in tests/corpus/letters (one JSON object per line, the format of shared/data's
/// letters-sample.jsonl and checks-sample.jsonl). Labelling rules: shared/data/LABELS.md.
/// </summary>
public static class LetterCorpus
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "corpus", "letters");

    public static IReadOnlyList<string> Files => Directory.GetFiles(Folder, "*.jsonl").Select(Path.GetFileName).Order().ToList()!;

    public static IReadOnlyList<CorpusLetter> Read(string file) => File.ReadLines(Path.Combine(Folder, file))
        .Where(l => !string.IsNullOrWhiteSpace(l))
        .Select(l => CorpusLetter.Parse(file, JObject.Parse(l)))
        .ToList();

    public static IReadOnlyList<CorpusLetter> All => Files.SelectMany(Read).ToList();
}
