namespace SmartPost.Api.Screening;

/// <summary>
/// Blanks out quoted text of our own letter so it is never screened: "&gt;" lines, and everything from a
/// separator ("--- Oprindelig meddelelse ---", "-----Original Message-----"), an attribution line
/// ("Den … skrev Færdselsstyrelsen:") or a "Fra: … / Sendt: …" header block to the end. Masked characters become
/// spaces (line breaks kept), so offsets found in the masked text are offsets in the original.
/// </summary>
internal static class QuoteMasker
{
    public static (string Scan, string Own) Mask(string text, QuoteRules rules)
    {
        char[]? masked = null;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (StartsQuotedRest(text, line, lineEnd, rules))
            {
                masked ??= text.ToCharArray();
                Blank(masked, lineStart, text.Length);
                break;
            }
            if (StartsWithAny(line.TrimStart(), rules.LinePrefixes))
            {
                masked ??= text.ToCharArray();
                Blank(masked, lineStart, lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        return masked is null ? (text, text.Trim()) : (new string(masked), OwnLines(text, masked));
    }

    /// <summary>The original lines that were not blanked (a blanked line is all spaces in the mask).</summary>
    private static string OwnLines(string text, char[] masked)
    {
        var own = new System.Text.StringBuilder(text.Length);
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var original = text.AsSpan(lineStart, lineEnd - lineStart);
            var wasBlanked = !original.IsWhiteSpace() && masked.AsSpan(lineStart, lineEnd - lineStart).IsWhiteSpace();
            if (!wasBlanked) own.Append(original).Append('\n');
            lineStart = lineEnd + 1;
        }
        return own.ToString().Trim();
    }

    private static bool StartsQuotedRest(string text, ReadOnlySpan<char> line, int lineEnd, QuoteRules rules)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 200) return false;
        if (trimmed.Length <= 120 && ContainsAny(trimmed, rules.SeparatorContains)) return true;
        if (StartsWithAny(trimmed, rules.AttributionStartsWith) && ContainsAny(trimmed, rules.AttributionContains)
            && (trimmed[^1] == ':' || NextLineEndsWithColon(text, lineEnd))) return true; // mail clients wrap long attributions
        if (!StartsWithAny(trimmed, rules.HeaderFirst)) return false;

        var next = lineEnd + 1;
        for (var i = 0; i < rules.HeaderWithinLines && next < text.Length; i++)
        {
            var end = text.IndexOf('\n', next);
            if (end < 0) end = text.Length;
            if (StartsWithAny(text.AsSpan(next, end - next).TrimStart(), rules.HeaderThen)) return true;
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

    private static void Blank(char[] chars, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (chars[i] is not ('\n' or '\r')) chars[i] = ' ';
        }
    }

    private static bool StartsWithAny(ReadOnlySpan<char> line, List<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> line, List<string> parts)
    {
        foreach (var part in parts)
        {
            if (line.Contains(part, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
