using SmartPost.Api.Text;

namespace SmartPost.Api.Guidance;

/// <summary>One word position of a phrase: exact folded words and/or folded prefixes ("afgørelse*").</summary>
/// <param name="MaxGapBefore">How many other words may stand between this word and the previous one ("~3").</param>
internal sealed record PhraseWord(string[] Exact, string[] Prefixes, int MaxGapBefore)
{
    /// <summary>
    /// The meaning of a phrase word on one folded word. Letters are matched through <see cref="WordLexicon"/> (no string
    /// per word); this plain comparison is the reference the lexicon is tested against.
    /// </summary>
    public bool Matches(string folded)
    {
        foreach (var e in Exact)
        {
            if (string.Equals(e, folded, StringComparison.Ordinal)) return true;
        }
        foreach (var p in Prefixes)
        {
            if (folded.StartsWith(p, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}

/// <summary>
/// A phrase as an administrator writes it in the rules file, compiled. Syntax (words are folded, so "afgørelse",
/// "afgoerelse" and "AFGØRELSE" are the same word):
/// <list type="bullet">
/// <item><c>afgørelse*</c> — any word starting with "afgørelse" (afgørelsen, afgørelser …)</item>
/// <item><c>sende|indsende</c> — either word</item>
/// <item><c>bede dig ~3 sende</c> — up to 3 other words between "dig" and "sende"</item>
/// <item><c>^afgørelse$</c> — the phrase starts (^) and/or ends ($) a sentence or line, e.g. a heading</item>
/// <item><c>^kan du?</c> — a trailing ? requires the sentence to be a question</item>
/// </list>
/// A phrase never crosses a sentence end.
/// </summary>
internal sealed record Phrase(string Source, PhraseWord[] Words, bool AtSentenceStart, bool AtSentenceEnd, bool InQuestion)
{
    private const int MinPrefixLength = 3;

    /// <summary>Parses a phrase; on failure says what is wrong in words an administrator understands.</summary>
    public static Phrase? TryParse(string? source, out string? error)
    {
        error = null;
        var s = source?.Trim() ?? "";
        var question = s.EndsWith('?');
        if (question) s = s[..^1].TrimEnd();
        var atEnd = s.EndsWith('$');
        if (atEnd) s = s[..^1];
        var atStart = s.StartsWith('^');
        if (atStart) s = s[1..];

        var words = new List<PhraseWord>();
        var gap = 0;
        foreach (var part in s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith('~'))
            {
                if (words.Count == 0 || gap != 0 || !int.TryParse(part[1..], out gap) || gap is < 1 or > 9)
                {
                    error = $"'{part}': a gap is ~1 … ~9 and must stand between two words";
                    return null;
                }
                continue;
            }
            var word = ParseWord(part, gap, out error);
            if (word is null) return null;
            words.Add(word);
            gap = 0;
        }

        if (words.Count == 0) error = "the phrase is empty";
        else if (gap != 0) error = "a phrase cannot end with a gap";
        return error is null ? new Phrase(source!.Trim(), words.ToArray(), atStart, atEnd, question) : null;
    }

    private static PhraseWord? ParseWord(string part, int gap, out string? error)
    {
        error = null;
        var exact = new List<string>();
        var prefixes = new List<string>();
        foreach (var alternative in part.Split('|'))
        {
            var isPrefix = alternative.EndsWith('*');
            var word = isPrefix ? alternative[..^1] : alternative;
            if (word.Length == 0 || !word.All(char.IsLetterOrDigit))
            {
                error = $"'{alternative}' is not a single word: separate words with spaces; only * | ~N ^ $ ? are special";
                return null;
            }
            var folded = DanishText.Fold(word);
            if (isPrefix && folded.Length < MinPrefixLength)
            {
                error = $"'{alternative}': a prefix needs at least {MinPrefixLength} letters";
                return null;
            }
            (isPrefix ? prefixes : exact).Add(folded);
        }
        return new PhraseWord(exact.ToArray(), prefixes.ToArray(), gap);
    }
}
