using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>What a matched phrase means for the screening.</summary>
internal enum PhraseRole { Term, Negation, Conditional, Definition, Status, Boilerplate, Exclusion, NotAfter, NotWith, ClauseBreak, Near, ConditionalAfter, ConditionalInClause }

/// <summary>One element of a phrase: a word with its accepted spellings, any one word ("_"), or a gap of up to N other words.</summary>
internal sealed class PhraseElement
{
    private readonly HashSet<string> _exactWords;
    private readonly WordPattern[] _otherWords;

    public PhraseElement(WordPattern[] words, int gap, bool anyWord = false)
    {
        Words = words;
        Gap = gap;
        AnyWord = anyWord;
        // Plain exact spellings are one hash lookup; only prefixes, infixes and fuzzy words are tried one by one.
        _exactWords = words.Where(w => w is { Mode: WordMode.Exact, MaxEdits: 0 }).Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
        _otherWords = words.Where(w => w is not { Mode: WordMode.Exact, MaxEdits: 0 }).ToArray();
    }

    public WordPattern[] Words { get; }
    public int Gap { get; }
    public bool AnyWord { get; }
    public bool IsGap => Words.Length == 0 && !AnyWord;

    public bool Matches(string token)
    {
        if (AnyWord || _exactWords.Contains(token)) return true;
        foreach (var word in _otherWords)
        {
            if (word.Matches(token)) return true;
        }
        return false;
    }
}

/// <summary>A compiled phrase: its elements, its role and the rule it belongs to (term group or exclusion index).</summary>
internal sealed record Phrase(string Source, PhraseElement[] Elements, PhraseRole Role, int Owner)
{
    /// <summary>Parses the lexicon's phrase syntax; throws <see cref="FormatException"/> naming the problem.</summary>
    public static Phrase Parse(string source, PhraseRole role, int owner, int maxGap, int fuzzy, int fuzzyMinLength)
    {
        var elements = new List<PhraseElement>();
        foreach (var part in source.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("..", StringComparison.Ordinal))
            {
                var gap = part.Length == 2 ? maxGap
                    : int.TryParse(part.AsSpan(2), out var n) && n is > 0 and <= 12 ? n
                    : throw new FormatException($"gap '{part}' must be '..' or '..N' with N from 1 to 12");
                if (elements.Count == 0) throw new FormatException("a phrase cannot start with a gap");
                if (elements[^1].IsGap) throw new FormatException("two gaps in a row");
                elements.Add(new PhraseElement([], gap));
                continue;
            }
            if (part == "_")
            {
                if (elements.Count == 0) throw new FormatException("a phrase cannot start with the wildcard '_'");
                elements.Add(new PhraseElement([], 1, anyWord: true));
                continue;
            }
            var words = part.Split('|').Select(w => ParseWord(w, fuzzy, fuzzyMinLength)).ToArray();
            elements.Add(new PhraseElement(words, 0));
        }
        if (elements.Count == 0) throw new FormatException("the phrase is empty");
        if (elements[^1].IsGap) throw new FormatException("a phrase cannot end with a gap");
        return new Phrase(source, elements.ToArray(), role, owner);
    }

    private static WordPattern ParseWord(string raw, int fuzzy, int fuzzyMinLength)
    {
        var infix = raw.Length > 2 && raw.StartsWith('*') && raw.EndsWith('*');
        var prefix = !infix && raw.EndsWith('*');
        var core = raw.Trim('*');
        var folded = DanishText.Fold(core);
        if (folded.Length == 0 || !folded.All(char.IsAsciiLetterOrDigit) || (raw.StartsWith('*') && !infix))
        {
            throw new FormatException($"'{raw}' is not a word (letters/digits, optional '*' at the end or around it)");
        }
        if ((prefix && folded.Length < 3) || (infix && folded.Length < 5))
        {
            throw new FormatException($"'{raw}' is too short for '*' (prefix ≥ 3, infix ≥ 5 letters)");
        }
        var mode = infix ? WordMode.Infix : prefix ? WordMode.Prefix : WordMode.Exact;
        return new WordPattern(folded, mode, folded.Length >= fuzzyMinLength ? fuzzy : 0);
    }
}
