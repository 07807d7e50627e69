using System.Buffers;

namespace SmartPost.Api.Text;

/// <summary>
/// Finds what in a reply is quoted rather than written now (LABELS.md, rule 1): "&gt;" lines, and everything from a
/// separator ("-----Oprindelig meddelelse-----", "-----Original Message-----"), an attribution line ("Den … skrev …:",
/// "On … wrote:") or a header block ("Fra: … / Sendt: …", "Fra: Færdselsstyrelsen") to the end.
/// </summary>
public static class QuotedText
{
    private static readonly string[] LinePrefixes = [">"];
    private static readonly string[] Separators =
    [
        "oprindelig meddelelse", "original message", "videresendt meddelelse", "forwarded message", "oprindelig besked",
        "videresendt besked", "original besked",
    ];
    private static readonly string[] AttributionStarts =
        ["den ", "d. ", "on ", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "færdselsstyrelsen"];
    private static readonly string[] AttributionContains = [" skrev", " wrote"];
    // Looked for in every short line of a reply: one vectorised pass for all phrases instead of one search per phrase.
    private static readonly SearchValues<string> SeparatorPhrases = SearchValues.Create(Separators, StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> AttributionPhrases = SearchValues.Create(AttributionContains, StringComparison.OrdinalIgnoreCase);
    private static readonly string[] HeaderFirst = ["fra:", "from:"];
    private static readonly string[] HeaderThen = ["sendt:", "sent:", "dato:", "date:", "til:", "to:"];
    private const int HeaderWithinLines = 3;
    private static readonly string[] ClosingLines =
    [
        "med venlig hilsen", "venlig hilsen", "mvh", "vh", "hilsen", "de bedste hilsner", "bedste hilsner",
        "kærlig hilsen", "kind regards", "best regards", "regards", "yours sincerely", "sincerely", "med vänlig hälsning",
        "vänliga hälsningar", "med vennlig hilsen", "mit freundlichen grüßen", "mfg",
    ];
    private static readonly string[] PostScripts = ["ps", "p.s", "pps"];
    private const int SignatureMaxLines = 10;
    private const int ClosingLineMaxLength = 60;

    /// <summary>The quoted character ranges of <paramref name="text"/>, in order.</summary>
    /// <param name="signatures">Whether a signature under a closing line counts as not-the-writer's-words: yes for a
    /// citizen's reply (screening); no for our own letters, where a klagevejledning often follows "Med venlig hilsen",
    /// and no for finding the sender's name, which is where the name is.</param>
    public static List<(int Start, int End)> Ranges(string text, bool signatures = false)
    {
        var ranges = new List<(int, int)>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (StartsQuotedRest(text, line, lineEnd))
            {
                ranges.Add((lineStart, text.Length));
                break;
            }
            if (StartsWithAny(line.TrimStart(), LinePrefixes)) ranges.Add((lineStart, lineEnd));
            if (signatures && IsClosingLine(line) && SignatureEnd(text, lineEnd) is var end && end > lineEnd + 1)
            {
                ranges.Add((lineEnd + 1, end));
                lineStart = end + 1;
                continue;
            }
            lineStart = lineEnd + 1;
        }
        return ranges;
    }

    /// <summary>"Med venlig hilsen" alone or with a name; not a sentence that happens to start with "Hilsen".</summary>
    private static bool IsClosingLine(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Length > ClosingLineMaxLength || trimmed.Contains('?') || trimmed.Contains(". ", StringComparison.Ordinal))
            return false;
        foreach (var closing in ClosingLines)
        {
            if (!trimmed.StartsWith(closing, StringComparison.OrdinalIgnoreCase)) continue;
            // The formula must end there: "Vh" yes, "Vhs-bånd" no.
            return trimmed.Length == closing.Length || !char.IsLetter(trimmed[closing.Length]);
        }
        return false;
    }

    /// <summary>
    /// Where the signature after a closing line ends (the end of its last line), or <paramref name="closingEnd"/> when
    /// nothing follows: at most <see cref="SignatureMaxLines"/> lines, stopping before a quoted part or a "PS".
    /// </summary>
    private static int SignatureEnd(string text, int closingEnd)
    {
        var end = closingEnd;
        var next = closingEnd + 1;
        for (var i = 0; i < SignatureMaxLines && next < text.Length; i++)
        {
            var lineEnd = text.IndexOf('\n', next);
            if (lineEnd < 0) lineEnd = text.Length;
            var line = text.AsSpan(next, lineEnd - next);
            if (StartsQuotedRest(text, line, lineEnd) || StartsWithAny(line.TrimStart(), LinePrefixes) || IsPostScript(line)) break;
            end = lineEnd;
            next = lineEnd + 1;
        }
        return end;
    }

    private static bool IsPostScript(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart();
        foreach (var ps in PostScripts)
        {
            if (trimmed.StartsWith(ps, StringComparison.OrdinalIgnoreCase) && (trimmed.Length == ps.Length || !char.IsLetter(trimmed[ps.Length])))
                return true;
        }
        return false;
    }

    /// <summary>The text with quoted characters replaced by spaces (line breaks kept), so offsets stay those of the original.</summary>
    public static string Mask(string text, bool signatures = false)
    {
        var ranges = Ranges(text, signatures);
        if (ranges.Count == 0) return text;
        var chars = text.ToCharArray();
        foreach (var (start, end) in ranges)
        {
            for (var i = start; i < end; i++)
            {
                if (chars[i] is not ('\n' or '\r')) chars[i] = ' ';
            }
        }
        return new string(chars);
    }

    /// <summary>The writer's own lines: the text without its quoted ranges, trimmed.</summary>
    public static string OwnText(string text, List<(int Start, int End)> ranges)
    {
        if (ranges.Count == 0) return text.Trim();
        var own = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var n = 0;
            var at = 0;
            foreach (var (start, end) in ranges)
            {
                text.AsSpan(at, start - at).CopyTo(own.AsSpan(n));
                n += start - at;
                at = Math.Min(text.Length, end + 1);
            }
            if (at < text.Length)
            {
                text.AsSpan(at).CopyTo(own.AsSpan(n));
                n += text.Length - at;
            }
            return new string(own.AsSpan(0, n).Trim());
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(own);
        }
    }

    private static bool StartsQuotedRest(string text, ReadOnlySpan<char> line, int lineEnd)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 200) return false;
        if (trimmed.Length <= 120 && trimmed.ContainsAny(SeparatorPhrases)) return true;
        if (StartsWithAny(trimmed, AttributionStarts) && trimmed.ContainsAny(AttributionPhrases)
            && (trimmed[^1] == ':' || NextLineEndsWithColon(text, lineEnd))) return true; // mail clients wrap long attributions
        if (!StartsWithAny(trimmed, HeaderFirst)) return false;
        if (trimmed.Contains("færdselsstyrelsen", StringComparison.OrdinalIgnoreCase)) return true;

        var next = lineEnd + 1;
        for (var i = 0; i < HeaderWithinLines && next < text.Length; i++)
        {
            var end = text.IndexOf('\n', next);
            if (end < 0) end = text.Length;
            if (StartsWithAny(text.AsSpan(next, end - next).TrimStart(), HeaderThen)) return true;
            next = end + 1;
        }
        return false;
    }

    private static bool NextLineEndsWithColon(string text, int lineEnd)
    {
        if (lineEnd + 1 >= text.Length) return false;
        var end = text.IndexOf('\n', lineEnd + 1);
        var next = text.AsSpan(lineEnd + 1, (end < 0 ? text.Length : end) - lineEnd - 1).Trim();
        return next.Length is > 0 and <= 120 && next[^1] == ':';
    }

    private static bool StartsWithAny(ReadOnlySpan<char> line, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

}
