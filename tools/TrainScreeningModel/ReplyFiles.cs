using Newtonsoft.Json.Linq;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.Tools.TrainScreeningModel;

/// <summary>
/// Reads labelled reply files (JSON Lines: id, subject, text, labels ⊆ aktindsigt/klage/fristforlaengelse/selvbetjening;
/// other fields such as note are ignored) into the model's input text and labels.
/// </summary>
public static class ReplyFiles
{
    /// <summary>Files as given; a directory stands for its *.jsonl files. Sorted, so the order of arguments does not matter.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) files.UnionWith(Directory.GetFiles(path, "*.jsonl").Select(Path.GetFullPath));
            else if (File.Exists(path)) files.Add(Path.GetFullPath(path));
            else throw new InvalidDataException($"Training data not found: '{path}'.");
        }
        return files.ToList();
    }

    public static IEnumerable<(string Where, LabelledReply Reply)> Read(string file)
    {
        foreach (var (where, json, text) in JsonLinesFile.Read(file))
        {
            var labels = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in json["labels"] as JArray ?? throw new InvalidDataException($"{where}: \"labels\" must be an array."))
            {
                var label = ModelLabels.Parse(value.Value<string>())
                    ?? throw new InvalidDataException($"{where}: unknown label '{value}' (known: {string.Join(", ", ModelLabels.All)}).");
                labels.Add(label);
            }
            yield return (where, new LabelledReply(ReplyClassifier.InputText(json.Value<string>("subject"), text), labels, Path.GetFileName(file)));
        }
    }
}
