using SmartPost.Api.Text;

namespace SmartPost.Benchmarks.ScreeningBackstop;

/// <summary>A feature of a reply and where its (last) word stands, for evidence.</summary>
/// <param name="Field">"subject" or "text".</param>
public readonly record struct FeatureHit(string Name, int Start, int Length, string Field);

/// <summary>
/// Features for the statistical backstop: Danish-folded unigrams and bigrams of the citizen's own text (quotes of our
/// letter already stripped) and of a subject the citizen wrote. Words within three words after "ikke", "ingen" or
/// "aldrig" (same sentence) get a "NOT_" prefix, so "jeg ønsker ikke at klage" does not look like "jeg ønsker at klage".
/// </summary>
public static class ReplyFeatures
{
    private static readonly HashSet<string> NegationWords = ["ikke", "ingen", "aldrig", "not", "no", "never"];
    private const int NegationScope = 3;

    /// <summary>Every feature occurrence, in text order (subject first).</summary>
    public static List<FeatureHit> Extract(string? citizenSubject, string ownText)
    {
        var hits = new List<FeatureHit>();
        if (!string.IsNullOrWhiteSpace(citizenSubject)) AddField(hits, citizenSubject, "subject");
        AddField(hits, ownText, "text");
        return hits;
    }

    /// <summary>The distinct feature names (a reply is a set of features: presence, not counts).</summary>
    public static HashSet<string> Names(string? citizenSubject, string ownText) =>
        Extract(citizenSubject, ownText).Select(h => h.Name).ToHashSet(StringComparer.Ordinal);

    private static void AddField(List<FeatureHit> hits, string text, string field)
    {
        var tokens = DanishText.Tokenize(text);
        string? previous = null;
        var negatedLeft = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i > 0 && EndsSentence(text, tokens[i - 1].End, token.Start))
            {
                previous = null;
                negatedLeft = 0;
            }
            var word = negatedLeft > 0 ? "NOT_" + token.Folded : token.Folded;
            negatedLeft = NegationWords.Contains(token.Folded) ? NegationScope : Math.Max(0, negatedLeft - 1);
            if (word.Length > 1 && !IsNumber(token.Folded)) hits.Add(new FeatureHit(word, token.Start, token.Length, field));
            if (previous is not null)
            {
                var first = tokens[i - 1];
                hits.Add(new FeatureHit(previous + " " + word, first.Start, token.End - first.Start, field));
            }
            previous = IsNumber(token.Folded) ? "#" : word;
        }
    }

    private static bool EndsSentence(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is '.' or '?' or '!' or '\n' or ';' or ':') return true;
        }
        return false;
    }

    private static bool IsNumber(string word) => word.All(char.IsDigit);
}
