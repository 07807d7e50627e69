using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;

namespace SmartPost.Tools.TrainScreeningModel;

/// <summary>
/// The replies a model learns from: labelled files, then corrections on top (a caseworker's verdict wins over the
/// file's label), one example per distinct input text, in a fixed order so training does not depend on file order.
/// </summary>
public sealed class TrainingSet
{
    private TrainingSet(List<LabelledReply> replies, IReadOnlyList<string> warnings, int corrections)
    {
        Replies = replies;
        Warnings = warnings;
        Corrections = corrections;
        var lines = replies.Select(CanonicalLine).ToList();
        DataSha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)))).ToLowerInvariant();
    }

    /// <summary>Sorted by canonical line.</summary>
    public IReadOnlyList<LabelledReply> Replies { get; }
    public IReadOnlyList<string> Warnings { get; }
    public int Corrections { get; }

    /// <summary>SHA-256 of the sorted canonical lines joined by "\n": what the model saw, whatever files it came from.</summary>
    public string DataSha256 { get; }

    public int Count(string label) => Replies.Count(r => r.Has(label));

    /// <summary>A set of replies already read (one per distinct text), in the same fixed order as <see cref="Build"/>.</summary>
    public static TrainingSet FromReplies(IEnumerable<LabelledReply> replies) =>
        new(replies.DistinctBy(r => r.Text, StringComparer.Ordinal).OrderBy(CanonicalLine, StringComparer.Ordinal).ToList(), [], 0);

    public static TrainingSet Build(IEnumerable<string> dataFiles, IEnumerable<string> correctionFiles)
    {
        var byText = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var source = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var file in dataFiles)
        {
            foreach (var (where, reply) in ReplyFiles.Read(file))
            {
                if (byText.TryGetValue(reply.Text, out var labels))
                {
                    if (!labels.SetEquals(reply.Labels))
                        warnings.Add($"{where}: same text as {firstSeen[reply.Text]} with other labels; the first is kept.");
                    continue;
                }
                byText[reply.Text] = new HashSet<string>(reply.Labels, StringComparer.Ordinal);
                firstSeen[reply.Text] = where;
                source[reply.Text] = reply.Source;
            }
        }

        var corrections = 0;
        foreach (var file in correctionFiles)
        {
            foreach (var (_, correction) in CorrectionsFile.Read(file))
            {
                if (!byText.TryGetValue(correction.Text, out var labels))
                {
                    byText[correction.Text] = labels = new HashSet<string>(StringComparer.Ordinal);
                    source[correction.Text] = Path.GetFileName(file);
                }
                if (correction.Verdict == Verdict.Rejected) labels.Remove(correction.Label);
                else labels.Add(correction.Label);
                corrections++;
            }
        }

        var replies = byText.Where(p => p.Key.Length > 0)
            .Select(p => new LabelledReply(p.Key, p.Value, source[p.Key]))
            .OrderBy(CanonicalLine, StringComparer.Ordinal)
            .ToList();
        return new TrainingSet(replies, warnings, corrections);
    }

    private static string CanonicalLine(LabelledReply reply) =>
        JsonConvert.SerializeObject(new { labels = reply.Labels.Order(StringComparer.Ordinal).ToArray(), text = reply.Text }, Formatting.None);
}
