namespace SmartPost.Api.Guidance;

/// <summary>Where a phrase matched: token indexes of its first and last word.</summary>
internal readonly record struct PhraseHit(int Phrase, int FirstToken, int LastToken);

/// <summary>
/// Finds many phrases in one pass over the words of a text. Phrases are indexed by their first word (exact words in
/// a dictionary, prefixes by their first three letters), so each word of the text costs two look-ups however many
/// rules there are; only candidates are checked further.
/// </summary>
internal sealed class PhraseMatcher
{
    private const int PrefixKeyLength = 3;
    private readonly Phrase[] _phrases;
    private readonly Dictionary<string, int[]> _byExactFirstWord;
    private readonly Dictionary<string, (string Prefix, int Phrase)[]>.AlternateLookup<ReadOnlySpan<char>> _byPrefixKey;

    public PhraseMatcher(IReadOnlyList<Phrase> phrases)
    {
        _phrases = phrases.ToArray();
        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var prefix = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        for (var p = 0; p < _phrases.Length; p++)
        {
            var first = _phrases[p].Words[0];
            foreach (var word in first.Exact.Distinct())
            {
                (exact.TryGetValue(word, out var list) ? list : exact[word] = new()).Add(p);
            }
            foreach (var word in first.Prefixes.Distinct())
            {
                var key = word[..PrefixKeyLength];
                (prefix.TryGetValue(key, out var list) ? list : prefix[key] = new()).Add((word, p));
            }
        }
        _byExactFirstWord = exact.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        _byPrefixKey = prefix.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Phrase this[int phrase] => _phrases[phrase];

    /// <summary>Every match of every phrase, in text order.</summary>
    public List<PhraseHit> FindAll(AnalyzedText text)
    {
        var hits = new List<PhraseHit>();
        var tokens = text.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Folded;
            if (_byExactFirstWord.TryGetValue(word, out var candidates))
            {
                foreach (var p in candidates) TryAdd(text, p, i, hits);
            }
            if (word.Length >= PrefixKeyLength && _byPrefixKey.TryGetValue(word.AsSpan(0, PrefixKeyLength), out var prefixed))
            {
                foreach (var (prefix, p) in prefixed)
                {
                    if (word.StartsWith(prefix, StringComparison.Ordinal)) TryAdd(text, p, i, hits);
                }
            }
        }
        return hits;
    }

    private void TryAdd(AnalyzedText text, int p, int first, List<PhraseHit> hits)
    {
        var phrase = _phrases[p];
        if (phrase.AtSentenceStart && !text.IsSentenceStart(first)) return;
        if (phrase.InQuestion && !text.InQuestion(first)) return;
        var last = MatchRest(text, phrase, 1, first);
        if (last >= 0) hits.Add(new PhraseHit(p, first, last));
    }

    /// <summary>Matches words[w..] after token <paramref name="previous"/>; returns the last token or -1. Backtracks over gaps.</summary>
    private static int MatchRest(AnalyzedText text, Phrase phrase, int w, int previous)
    {
        if (w == phrase.Words.Length)
        {
            return !phrase.AtSentenceEnd || text.IsSentenceEnd(previous) ? previous : -1;
        }
        var word = phrase.Words[w];
        var sentence = text.SentenceOf(previous);
        var limit = Math.Min(previous + 1 + word.MaxGapBefore, text.Tokens.Count - 1);
        for (var k = previous + 1; k <= limit && text.SentenceOf(k) == sentence; k++)
        {
            if (!word.Matches(text.Tokens[k].Folded)) continue;
            var last = MatchRest(text, phrase, w + 1, k);
            if (last >= 0) return last;
        }
        return -1;
    }
}
