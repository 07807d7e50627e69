using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>A phrase found in the tokens [First, Last].</summary>
internal readonly record struct PhraseHit(Phrase Phrase, int First, int Last);

/// <summary>
/// All phrases indexed by their first word, so each token costs a dictionary lookup or two: exact words by the
/// word, prefixes by their first three letters, misspelling-tolerant words by their first letter (a misspelling
/// rarely changes it), compound infixes only for long tokens. Phrases never reach across a sentence boundary.
/// </summary>
internal sealed class PhraseIndex
{
    private readonly Phrase[] _phrases;
    private readonly Dictionary<string, int[]> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int[]> _prefix3 = new();
    private readonly Dictionary<char, (WordPattern Word, int Phrase)[]> _fuzzyByFirstLetter = new();
    private readonly (WordPattern Word, int Phrase)[] _infixes;
    private readonly int _shortestInfix;

    public PhraseIndex(IReadOnlyList<Phrase> phrases)
    {
        _phrases = phrases.ToArray();
        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var prefix = new Dictionary<int, List<int>>();
        var fuzzy = new Dictionary<char, List<(WordPattern, int)>>();
        var infixes = new List<(WordPattern, int)>();
        for (var id = 0; id < _phrases.Length; id++)
        {
            foreach (var word in _phrases[id].Elements[0].Words)
            {
                if (word.Mode == WordMode.Exact) Add(exact, word.Text, id);
                if (word.Mode == WordMode.Prefix) Add(prefix, Key3(word.Text), id);
                if (word.Mode == WordMode.Infix) infixes.Add((word, id));
                if (word.MaxEdits > 0) Add(fuzzy, word.Text[0], (word, id));
            }
        }
        _exact = exact.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray(), StringComparer.Ordinal);
        _prefix3 = prefix.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray());
        _fuzzyByFirstLetter = fuzzy.ToDictionary(e => e.Key, e => e.Value.ToArray());
        _infixes = infixes.ToArray();
        _shortestInfix = infixes.Count == 0 ? int.MaxValue : infixes.Min(i => i.Item1.Text.Length);
    }

    public void FindAll(List<Token> tokens, int[] sentence, List<PhraseHit> hits)
    {
        // seen[phrase] = token index + 1 when the phrase was already tried at that token.
        var seen = new int[_phrases.Length];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Folded;
            var stamp = i + 1;
            if (_exact.TryGetValue(token, out var exact))
            {
                foreach (var id in exact) TryAt(id, i, verifyFirst: false);
            }
            if (token.Length >= 3 && _prefix3.TryGetValue(Key3(token), out var prefixed))
            {
                foreach (var id in prefixed) TryAt(id, i, verifyFirst: true);
            }
            if (_fuzzyByFirstLetter.TryGetValue(token[0], out var fuzzy))
            {
                var letters = WordPattern.LettersOf(token);
                foreach (var (word, id) in fuzzy)
                {
                    if (seen[id] != stamp && word.Matches(token, letters)) TryAt(id, i, verifyFirst: false);
                }
            }
            if (token.Length >= _shortestInfix)
            {
                foreach (var (word, id) in _infixes)
                {
                    if (seen[id] != stamp && word.Matches(token)) TryAt(id, i, verifyFirst: false);
                }
            }

            void TryAt(int id, int at, bool verifyFirst)
            {
                if (seen[id] == stamp) return;
                seen[id] = stamp;
                var phrase = _phrases[id];
                if (verifyFirst && !phrase.Elements[0].Matches(tokens[at].Folded)) return;
                if (MatchRest(phrase, 1, at + 1, tokens, sentence, sentence[at], out var last)) hits.Add(new PhraseHit(phrase, at, last));
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

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }
}
