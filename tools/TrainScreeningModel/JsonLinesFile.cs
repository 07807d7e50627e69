using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SmartPost.Tools.TrainScreeningModel;

/// <summary>
/// The lines of a JSON Lines file that the trainer reads (labelled replies, corrections): each non-blank line as an
/// object with its required "text", and where it stands ("file.jsonl:12") so every error can name the line.
/// </summary>
public static class JsonLinesFile
{
    public static IEnumerable<(string Where, JObject Json, string Text)> Read(string file)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var where = $"{Path.GetFileName(file)}:{lineNumber}";
            JObject json;
            try
            {
                json = JObject.Parse(line);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{where}: not a JSON object ({e.Message}).");
            }
            var text = json.Value<string>("text") ?? throw new InvalidDataException($"{where}: \"text\" is missing.");
            yield return (where, json, text);
        }
    }
}
