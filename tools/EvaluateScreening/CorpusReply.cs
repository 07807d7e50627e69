using Newtonsoft.Json.Linq;
using SmartPost.Api.Screening;

namespace SmartPost.EvaluateScreening;

/// <summary>
/// A labelled citizen reply of tests/corpus/replies (JSON Lines: id, subject, text, labels, note, and optionally
/// "judged": the labels a case was written to check, when it speaks for only some kinds).
/// </summary>
public sealed record CorpusReply(string Id, string? Subject, string Text, IReadOnlyList<FlagKind> Kinds, string Note,
    IReadOnlyList<FlagKind>? Judged = null)
{
    /// <summary>Whether the labels say anything about <paramref name="kind"/>.</summary>
    public bool IsJudgedOn(FlagKind kind) => Judged is null || Judged.Contains(kind);

    /// <summary>The labels of LABELS.md and the kinds they stand for.</summary>
    public static readonly IReadOnlyDictionary<string, FlagKind> LabelKinds = new Dictionary<string, FlagKind>
    {
        ["aktindsigt"] = FlagKind.AccessToRecordsRequest,
        ["klage"] = FlagKind.Complaint,
        ["fristforlaengelse"] = FlagKind.DeadlineExtensionRequest,
        ["selvbetjening"] = FlagKind.SelfServiceExemptionRequest,
    };

    public static IReadOnlyList<CorpusReply> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select((line, index) =>
        {
            var o = JObject.Parse(line);
            var labels = o["labels"]!.Select(t => (string)t!).ToList();
            var unknown = labels.FirstOrDefault(l => !LabelKinds.ContainsKey(l));
            if (unknown is not null) throw new InvalidDataException($"{Path.GetFileName(path)} line {index + 1}: unknown label '{unknown}'.");
            var judged = o["judged"]?.Select(t => LabelKinds[(string)t!]).ToList();
            return new CorpusReply((string)o["id"]!, (string?)o["subject"], (string)o["text"]!,
                labels.Select(l => LabelKinds[l]).ToList(), (string?)o["note"] ?? "", judged);
        }).ToList();

    /// <summary>The corpus folder of the repository that holds <paramref name="start"/> (searched upwards).</summary>
    public static string CorpusDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "tests", "corpus", "replies");
            if (Directory.Exists(corpus)) return corpus;
        }
        throw new DirectoryNotFoundException($"tests/corpus/replies not found above {start}.");
    }
}
