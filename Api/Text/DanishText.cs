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
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            AppendFolded(sb, c);
        }
        return sb.ToString();
    }

    /// <summary>Splits text into words (letters and digits), joining words hyphenated across a line break.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 6 + 1);
        var sb = new StringBuilder(24);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            sb.Clear();
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    AppendFolded(sb, c);
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
            tokens.Add(new Token(sb.ToString(), start, i - start));
        }
        return tokens;
    }

    /// <summary>A hyphen followed by optional spaces, one line break and optional spaces, then a lower-case letter.</summary>
    private static bool IsLineBreakHyphenation(string text, int hyphen, out int resume)
    {
        resume = hyphen;
        var j = hyphen + 1;
        while (j < text.Length && text[j] is ' ' or '\t') j++;
        if (j < text.Length && text[j] == '\r') j++;
        if (j >= text.Length || text[j] != '\n') return false;
        j++;
        while (j < text.Length && text[j] is ' ' or '\t') j++;
        if (j >= text.Length || !char.IsLower(text[j])) return false;
        resume = j;
        return true;
    }

    private static void AppendFolded(StringBuilder sb, char c)
    {
        switch (c)
        {
            case 'æ' or 'Æ': sb.Append("ae"); return;
            case 'ø' or 'Ø': sb.Append("oe"); return;
            case 'å' or 'Å': sb.Append("aa"); return;
            case 'ä' or 'Ä': sb.Append("ae"); return;
            case 'ö' or 'Ö': sb.Append("oe"); return;
            case 'ü' or 'Ü': sb.Append("ue"); return;
        }
        if (c < 128)
        {
            sb.Append(char.ToLowerInvariant(c));
            return;
        }
        // Other accents (é, ı, ç …): keep the base letter.
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(d == 'ı' ? 'i' : d));
            }
        }
    }
}
