using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>A phrase found in the tokens [First, Last].</summary>
internal readonly record struct PhraseHit(Phrase Phrase, int First, int Last);

/// <summary>
/// All phrases indexed by their first word, so each token costs a dictionary lookup or two; fuzzy and infix first
/// words are checked behind cheap filters. Phrases never reach across a sentence boundary.
/// </summary>
internal sealed class PhraseIndex
{
    private readonly Dictionary<string, List<Phrase>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<Phrase>> _prefix3 = new();
    private readonly List<(WordPattern Word, Phrase Phrase)> _scanned = [];

    public PhraseIndex(IEnumerable<Phrase> phrases)
    {
        foreach (var phrase in phrases)
        {
            foreach (var word in phrase.Elements[0].Words)
            {
                if (word.Mode == WordMode.Exact) Add(_exact, word.Text, phrase);
                if (word.Mode == WordMode.Prefix) Add(_prefix3, Key3(word.Text), phrase);
                if (word.Mode == WordMode.Infix || word.MaxEdits > 0) _scanned.Add((word, phrase));
            }
        }
    }

    public void FindAll(List<Token> tokens, int[] sentence, List<PhraseHit> hits)
    {
        var candidates = new List<Phrase>(8);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Folded;
            candidates.Clear();
            if (_exact.TryGetValue(token, out var exact)) candidates.AddRange(exact);
            if (token.Length >= 3 && _prefix3.TryGetValue(Key3(token), out var prefixed)) AddDistinct(candidates, prefixed);
            foreach (var (word, phrase) in _scanned)
            {
                if (!candidates.Contains(phrase) && word.Matches(token)) candidates.Add(phrase);
            }
            foreach (var phrase in candidates)
            {
                if (phrase.Elements[0].Matches(token) && MatchRest(phrase, 1, i + 1, tokens, sentence, sentence[i], out var last))
                {
                    hits.Add(new PhraseHit(phrase, i, last));
                }
            }
        }
    }

    private static bool MatchRest(Phrase phrase, int element, int position, List<Token> tokens, int[] sentence, int sentenceId, out int last)
    {
        last = position - 1;
        if (element == phrase.Elements.Length) return true;
        var current = phrase.Elements[element];
        if (current.IsGap)
        {
            for (var skip = 0; skip <= current.Gap; skip++)
            {
                var at = position + skip;
                if (at >= tokens.Count || sentence[at] != sentenceId) return false;
                if (phrase.Elements[element + 1].Matches(tokens[at].Folded)
                    && MatchRest(phrase, element + 2, at + 1, tokens, sentence, sentenceId, out last)) return true;
            }
            return false;
        }
        return position < tokens.Count && sentence[position] == sentenceId
            && current.Matches(tokens[position].Folded)
            && MatchRest(phrase, element + 1, position + 1, tokens, sentence, sentenceId, out last);
    }

    private static int Key3(string word) => word[0] | word[1] << 8 | word[2] << 16;

    private static void Add<TKey>(Dictionary<TKey, List<Phrase>> index, TKey key, Phrase phrase) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (!list.Contains(phrase)) list.Add(phrase);
    }

    private static void AddDistinct(List<Phrase> target, List<Phrase> source)
    {
        foreach (var phrase in source)
        {
            if (!target.Contains(phrase)) target.Add(phrase);
        }
    }
}
