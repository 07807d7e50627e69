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
    private static readonly string[] HeaderFirst = ["fra:", "from:"];
    private static readonly string[] HeaderThen = ["sendt:", "sent:", "dato:", "date:", "til:", "to:"];
    private const int HeaderWithinLines = 3;

    /// <summary>The quoted character ranges of <paramref name="text"/>, in order.</summary>
    public static List<(int Start, int End)> Ranges(string text)
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
            lineStart = lineEnd + 1;
        }
        return ranges;
    }

    /// <summary>The text with quoted characters replaced by spaces (line breaks kept), so offsets stay those of the original.</summary>
    public static string Mask(string text)
    {
        var ranges = Ranges(text);
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
        if (trimmed.Length <= 120 && ContainsAny(trimmed, Separators)) return true;
        if (StartsWithAny(trimmed, AttributionStarts) && ContainsAny(trimmed, AttributionContains)
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

    private static bool ContainsAny(ReadOnlySpan<char> line, string[] parts)
    {
        foreach (var part in parts)
        {
            if (line.Contains(part, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
