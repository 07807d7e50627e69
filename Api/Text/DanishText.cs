using System.Globalization;
using System.Text;

namespace SmartPost.Api.Text;

/// <summary>A word of the original text: its folded form and where it stands in the original.</summary>
/// <param name="Folded">Lower case, Danish letters folded (æ→ae, ø→oe, å→aa, accents dropped), hyphenation removed.</param>
/// <param name="Start">Offset of the first character in the original string.</param>
/// <param name="Length">Length in the original string (may span a hyphenated line break).</param>
public readonly record struct Token(string Folded, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Danish text handling shared by the guidance rules and the reply screening: case folding, æøå and their
/// ae/oe/aa spellings, words split over a line break with a hyphen ("kommu-\nnikerer"), offsets back into
/// the original text for highlighting.
/// </summary>
public static class DanishText
{
    /// <summary>Folds one word or phrase: lower case, æ→ae, ø→oe, å→aa, other accents dropped.</summary>
    public static string Fold(string text)
    {
        var buffer = new char[text.Length + 8];
        var n = 0;
        foreach (var c in text)
        {
            n = AppendFolded(ref buffer, n, c);
        }
        return new string(buffer, 0, n);
    }

    /// <summary>Splits text into words (letters and digits), joining words hyphenated across a line break.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 6 + 1);
        var buffer = new char[64]; // one word, folded; a char buffer rather than a StringBuilder: this is the hot path
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var n = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    n = AppendFolded(ref buffer, n, c);
                    i++;
                }
                else if (c is '-' or '\u00AD' && IsLineBreakHyphenation(text, i, out var resume))
                {
                    i = resume; // "forven-\ntes" is one word: "forventes"
                }
                else if (c == '\u00AD')
                {
                    i++; // soft hyphen inside a word
                }
                else
                {
                    break;
                }
            }
            tokens.Add(new Token(new string(buffer, 0, n), start, i - start));
        }
        return tokens;
    }

    /// <summary>
    /// A hyphen followed by optional spaces, one line break and optional spaces, then a lower-case letter
    /// (or, in an all-caps word such as "AFGØREL-\nSE", an upper-case letter after an upper-case one).
    /// </summary>
    internal static bool IsLineBreakHyphenation(string text, int hyphen, out int resume)
    {
        resume = hyphen;
        var j = hyphen + 1;
        while (j < text.Length && text[j] is ' ' or '\t') j++;
        if (j < text.Length && text[j] == '\r') j++;
        if (j >= text.Length || text[j] != '\n') return false;
        j++;
        while (j < text.Length && text[j] is ' ' or '\t') j++;
        if (j >= text.Length) return false;
        var allCaps = hyphen > 0 && char.IsUpper(text[hyphen - 1]) && char.IsUpper(text[j]);
        if (!char.IsLower(text[j]) && !allCaps) return false;
        resume = j;
        return true;
    }

    /// <summary>The two letters a Danish (or German) letter folds to (æ → ae, ø → oe, å → aa, ü → ue), or null for any other.</summary>
    internal static string? TwoLetterFold(char c) => c switch
    {
        'æ' or 'Æ' or 'ä' or 'Ä' => "ae",
        'ø' or 'Ø' or 'ö' or 'Ö' => "oe",
        'å' or 'Å' => "aa",
        'ü' or 'Ü' => "ue",
        _ => null,
    };

    /// <summary>Appends the folded form of <paramref name="c"/> at <paramref name="n"/>; returns the new length.</summary>
    internal static int AppendFolded(ref char[] buffer, int n, char c)
    {
        if (n + 4 > buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        if (c < 128)
        {
            buffer[n] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            return n + 1;
        }
        if (char.IsSurrogate(c))
        {
            // Half of a letter outside the BMP ("𝐊𝐥𝐚𝐠𝐞" in styled text): no Danish folding, and normalising half a pair throws.
            buffer[n] = c;
            return n + 1;
        }
        var pair = TwoLetterFold(c);
        if (pair is not null)
        {
            buffer[n] = pair[0];
            buffer[n + 1] = pair[1];
            return n + 2;
        }
        // Other accents (é, ı, ç …): keep the base letter.
        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark) continue;
            if (n + 1 > buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            buffer[n++] = char.ToLowerInvariant(d == 'ı' ? 'i' : d);
        }
        return n;
    }
}
