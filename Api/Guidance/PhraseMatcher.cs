namespace SmartPost.Api.Guidance;

/// <summary>Where a phrase matched: token indexes of its first and last word.</summary>
internal readonly record struct PhraseHit(int Phrase, int FirstToken, int LastToken);

/// <summary>
/// Finds many phrases in one pass over the words of a text. Phrases are indexed by the first three letters of their
/// first word (packed into a number), so each word of the text costs one cheap look-up however many rules there
/// are; only the few candidates are checked further.
/// </summary>
internal sealed class PhraseMatcher
{
    private const int KeyLength = 3;
    private readonly Phrase[] _phrases;
    private readonly Dictionary<ulong, int[]> _byFirstLetters;

    public PhraseMatcher(IReadOnlyList<Phrase> phrases)
    {
        _phrases = phrases.ToArray();
        var index = new Dictionary<ulong, List<int>>();
        for (var p = 0; p < _phrases.Length; p++)
        {
            var first = _phrases[p].Words[0];
            foreach (var key in first.Exact.Concat(first.Prefixes).Select(Key).Distinct())
            {
                (index.TryGetValue(key, out var list) ? list : index[key] = new()).Add(p);
            }
        }
        _byFirstLetters = index.ToDictionary(e => e.Key, e => e.Value.ToArray());
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
            if (!_byFirstLetters.TryGetValue(Key(word), out var candidates)) continue;
            foreach (var p in candidates)
            {
                if (_phrases[p].Words[0].Matches(word)) TryAdd(text, p, i, hits);
            }
        }
        return hits;
    }

    /// <summary>The first three characters as one number ("vi" and "vi" + nothing are the same key).</summary>
    private static ulong Key(string word)
    {
        ulong key = 0;
        for (var i = 0; i < KeyLength; i++)
        {
            key = (key << 16) | (i < word.Length ? word[i] : 0u);
        }
        return key;
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
