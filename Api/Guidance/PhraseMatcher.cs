namespace SmartPost.Api.Guidance;

/// <summary>Where a phrase matched: token indexes of its first and last word.</summary>
internal readonly record struct PhraseHit(int Phrase, int FirstToken, int LastToken);

/// <summary>
/// Finds many phrases in one pass over the words of a text. Each phrase word is compiled to a <see cref="WordSet"/>
/// of the shared <see cref="WordLexicon"/>, and the phrases are indexed by the word classes their first word
/// accepts: each word of the text costs one array look-up however many rules there are, and only phrases whose
/// first word really matches are checked further.
/// </summary>
internal sealed class PhraseMatcher
{
    private static readonly int[] NoPhrases = [];
    private readonly Phrase[] _phrases;
    private readonly WordSet[][] _words; // [phrase][word]
    private readonly int[][] _startingWith; // [word class] → phrases whose first word accepts it, ascending

    public PhraseMatcher(IReadOnlyList<Phrase> phrases, WordLexicon lexicon)
    {
        _phrases = phrases.ToArray();
        _words = new WordSet[_phrases.Length][];
        for (var p = 0; p < _phrases.Length; p++)
        {
            _words[p] = Array.ConvertAll(_phrases[p].Words, w => lexicon.SetOf(w.Exact, w.Prefixes));
        }
        _startingWith = new int[lexicon.ClassCount][];
        for (var c = 0; c < lexicon.ClassCount; c++)
        {
            var starting = new List<int>();
            for (var p = 0; p < _phrases.Length; p++)
            {
                if (_words[p][0].Contains(c)) starting.Add(p);
            }
            _startingWith[c] = starting.Count == 0 ? NoPhrases : starting.ToArray();
        }
    }

    public int Count => _phrases.Length;

    public Phrase this[int phrase] => _phrases[phrase];

    /// <summary>Every match of every phrase, in text order (by first word, then by phrase).</summary>
    public List<PhraseHit> FindAll(AnalyzedText text)
    {
        var hits = new List<PhraseHit>();
        for (var i = 0; i < text.Count; i++)
        {
            var wordClass = text.ClassOf(i);
            if (wordClass == WordLexicon.NoClass) continue;
            foreach (var p in _startingWith[wordClass]) TryAdd(text, p, i, hits);
        }
        return hits;
    }

    private void TryAdd(AnalyzedText text, int p, int first, List<PhraseHit> hits)
    {
        var phrase = _phrases[p];
        if (phrase.AtSentenceStart && !text.IsSentenceStart(first)) return;
        if (phrase.InQuestion && !text.InQuestion(first)) return;
        var last = MatchRest(text, p, 1, first);
        if (last >= 0) hits.Add(new PhraseHit(p, first, last));
    }

    /// <summary>Matches words[w..] after token <paramref name="previous"/>; returns the last token or -1. Backtracks over gaps.</summary>
    private int MatchRest(AnalyzedText text, int p, int w, int previous)
    {
        var phrase = _phrases[p];
        if (w == phrase.Words.Length)
        {
            return !phrase.AtSentenceEnd || text.IsSentenceEnd(previous) ? previous : -1;
        }
        var word = _words[p][w];
        var sentence = text.SentenceOf(previous);
        var limit = Math.Min(previous + 1 + phrase.Words[w].MaxGapBefore, text.Count - 1);
        for (var k = previous + 1; k <= limit && text.SentenceOf(k) == sentence; k++)
        {
            if (!text.Is(k, word)) continue;
            var last = MatchRest(text, p, w + 1, k);
            if (last >= 0) return last;
        }
        return -1;
    }
}
