using Newtonsoft.Json.Linq;

namespace SmartPost.Tools.TrainScreeningModel;

/// <summary>
/// Out-of-fold scores written by an earlier run (--scores-out) read back, so thresholds can be chosen again (another
/// false-positive budget) without training every fold again. Accepted only when the file scores exactly this training
/// set: every reply, each from the same batch, with the same labels trained. The folds are deterministic, so the
/// manifest is the one a full run with the same options writes.
/// </summary>
public static class RecordedOutOfFoldScores
{
    public static float[][] Read(string path, TrainingSet set, IReadOnlyList<string> labels)
    {
        var byText = new Dictionary<string, (string Source, float[] Scores)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            var o = JObject.Parse(line);
            var scores = (JObject)o["scores"]!;
            if (!scores.Properties().Select(p => p.Name).SequenceEqual(labels))
                throw new InvalidDataException($"{path}: scores for {string.Join(", ", scores.Properties().Select(p => p.Name))}, but this run trains {string.Join(", ", labels)}.");
            byText[(string)o["text"]!] = ((string)o["source"]!, labels.Select(l => (float)scores[l]!).ToArray());
        }
        if (byText.Count != set.Replies.Count)
            throw new InvalidDataException($"{path} scores {byText.Count} replies, the training set has {set.Replies.Count}: it was written for other data; run the folds again.");
        return set.Replies.Select(r => byText.TryGetValue(r.Text, out var s) && s.Source == r.Source ? s.Scores
            : throw new InvalidDataException($"{path} has no out-of-fold score for a reply of {r.Source}: it was written for other data; run the folds again.")).ToArray();
    }
}
