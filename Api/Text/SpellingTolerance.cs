namespace SmartPost.Api.Text;

/// <summary>
/// How far a word may be from a lemma and still be it: Damerau–Levenshtein distance ≤ 1 for lemmas of 6 folded
/// letters or more, ≤ 2 from 9 ("udsætelse", "aktindsit", "agtindsigt", single or double consonants), and
/// the first letter must agree ("vægt" is not "nægt"). Shorter lemmas must match exactly: at five letters one edit
/// already lands on another word ("læge"/"læse"). A lemma that must not be reached this way is written "=word".
/// </summary>
public static class SpellingTolerance
{
    public static int MaxEdits(int lemmaLength) => lemmaLength >= 9 ? 2 : lemmaLength >= 6 ? 1 : 0;

    /// <summary>
    /// The tolerance for a word the Danish dictionary does not know (<see cref="DanishDictionary"/>): it cannot be
    /// another real word, so one edit from five letters ("papier", "kørkort") and two from eight are safe to read as the
    /// lemma. Real words never get this far: the dictionary turns them away first.
    /// </summary>
    public static int MaxEditsForUnknownWord(int lemmaLength) => lemmaLength >= 8 ? 2 : lemmaLength >= 5 ? 1 : 0;

    /// <summary>Optimal-string-alignment Damerau–Levenshtein distance, stopping early once it exceeds <paramref name="max"/>.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        Span<int> buffer = stackalloc int[3 * (b.Length + 1)];
        var twoBack = buffer[..(b.Length + 1)];
        var previous = buffer.Slice(b.Length + 1, b.Length + 1);
        var current = buffer.Slice(2 * (b.Length + 1), b.Length + 1);
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, twoBack[j - 2] + 1);
                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }
            if (rowMin > max) return max + 1;
            var spare = twoBack;
            twoBack = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length];
    }
}
