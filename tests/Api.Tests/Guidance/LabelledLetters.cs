using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Guidance;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>A labelled letter (letters-sample.jsonl format): the input and what the guideline says it is.</summary>
public sealed record LabelledLetter(
    string Id, string DocumentTitle, string? DocumentType, string Text, bool? Exempt, bool? CaseClosed,
    ReplyOption ExpectedRecommendation, GuidanceCategory ExpectedCategory, bool? ExpectedConflict, string Note)
{
    public LetterFacts Facts => new(DocumentTitle, DocumentType, Text, CaseClosed);

    public RecipientStanding? Standing => Exempt is { } exempt ? new RecipientStanding(exempt, false, "testdata") : null;

    public override string ToString() => Id;

    /// <summary>The request body for POST /api/v1/reply-options/suggest, as the line has it.</summary>
    public static JObject RequestBody(JObject line) => new()
    {
        ["documentTitle"] = line["documentTitle"],
        ["documentType"] = line["documentType"],
        ["text"] = line["text"],
        ["recipient"] = line["recipient"],
        ["caseClosed"] = line["caseClosed"],
    };
}

public static class LabelledLetters
{
    /// <summary>The customer's labelled sample (shared/data/letters-sample.jsonl).</summary>
    public static string SamplePath => TestPaths.SharedFile("data", "letters-sample.jsonl");

    /// <summary>Our own realistic letters covering every category and the Danish spelling variations.</summary>
    public static string OwnPath => Path.Combine(TestPaths.RepoRoot, "tests", "Api.Tests", "Guidance", "letters-own.jsonl");

    /// <summary>A held-out set written independently of the rules (before reading them), to measure generalisation.</summary>
    public static string HeldOutPath => HeldOutFile("letters-heldout.jsonl");

    /// <summary>Every held-out round (letters-heldout.jsonl, letters-heldout-2.jsonl, …), each written blind to the rules.</summary>
    public static IReadOnlyList<string> HeldOutPaths => Directory.GetFiles(GuidanceFolder, "letters-heldout*.jsonl").Order().ToList();

    public static string HeldOutFile(string fileName) => Path.Combine(GuidanceFolder, fileName);

    private static string GuidanceFolder => Path.Combine(TestPaths.RepoRoot, "tests", "Api.Tests", "Guidance");

    public static IEnumerable<JObject> Lines(string path) => File.ReadLines(path)
        .Where(l => !string.IsNullOrWhiteSpace(l))
        .Select(l => JObject.Parse(l));

    public static IEnumerable<LabelledLetter> Read(string path) => Lines(path).Select(Parse);

    public static TheoryData<string> Ids(string path) => new(Read(path).Select(l => l.Id));

    public static LabelledLetter Find(string path, string id) => Read(path).Single(l => l.Id == id);

    private static LabelledLetter Parse(JObject o) => new(
        (string)o["id"]!,
        (string)o["documentTitle"]!,
        (string?)o["documentType"],
        (string)o["text"]!,
        o["recipient"] is JObject r ? (bool?)r["digitalPostExempt"] : null,
        (bool?)o["caseClosed"],
        Enum.Parse<ReplyOption>((string)o["expected"]!["recommendation"]!),
        Enum.Parse<GuidanceCategory>((string)o["expected"]!["category"]!),
        (bool?)o["expected"]!["conflict"],
        (string?)o["note"] ?? "");
}
