using Newtonsoft.Json.Linq;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.Tools.TrainScreeningModel;

/// <summary>What a caseworker said about one kind on one reply.</summary>
public enum Verdict
{
    /// <summary>The finding was right: the reply carries the kind.</summary>
    Confirmed,

    /// <summary>The finding was wrong: the reply does not carry the kind ("Ikke aktindsigt").</summary>
    Rejected,

    /// <summary>The screening missed it and the caseworker added it by hand ("Det er en klage").</summary>
    Added,
}

/// <summary>One line of a corrections export.</summary>
public sealed record Correction(string Text, string Label, Verdict Verdict);

/// <summary>
/// Reads a corrections export (JSON Lines, one correction per line, CPR numbers already masked by the exporter):
/// <c>{"subject": "…", "text": "…", "kind": "AccessToRecordsRequest", "verdict": "Rejected"}</c>. "kind" is a flag kind
/// name or a corpus label (aktindsigt …); "verdict" is Confirmed, Rejected or Added; "subject" may be missing or null.
/// Other fields (reply id, who, when) are ignored. The text is the reply as received; the model's own-text rules apply.
/// </summary>
public static class CorrectionsFile
{
    public static IEnumerable<(string Where, Correction Correction)> Read(string file)
    {
        foreach (var (where, json, text) in JsonLinesFile.Read(file))
        {
            var kind = json.Value<string>("kind");
            var label = ModelLabels.Parse(kind) ?? throw new InvalidDataException($"{where}: unknown kind '{kind}'.");
            var verdictText = json.Value<string>("verdict");
            if (!Enum.TryParse<Verdict>(verdictText, ignoreCase: true, out var verdict) || !Enum.IsDefined(verdict))
                throw new InvalidDataException($"{where}: verdict must be Confirmed, Rejected or Added, not '{verdictText}'.");
            yield return (where, new Correction(ReplyClassifier.InputText(json.Value<string>("subject"), text), label, verdict));
        }
    }
}
