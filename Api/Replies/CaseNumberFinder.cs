using System.Text.RegularExpressions;

namespace SmartPost.Api.Replies;

/// <summary>
/// Case numbers a citizen quotes in a new message (not "Besvar"), which lands on a catch-all case without a link
/// (REFERENCE.md, Replies). Candidates only: the dispatch register decides which one is real.
/// </summary>
public static partial class CaseNumberFinder
{
    // "FS-2025-021145"-style WorkZone case numbers.
    [GeneratedRegex(@"\b[A-ZÆØÅ]{2,5}-\d{4}-\d{3,8}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex PrefixedCaseNumber();

    // "25/04417"-style journal numbers (year/serial).
    [GeneratedRegex(@"(?<![\d/.-])\d{2}/\d{4,6}(?![\d/])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex YearSlashSerial();

    // Whatever follows "j.nr.", "journalnr.", "sagsnr.", "sagsnummer", "case number".
    [GeneratedRegex(@"(?:j\.?\s?nr|journal\s?nr|journalnummer|sags\s?nr|sagsnummer|case\s+(?:no|number))\.?:?\s*([A-Za-z0-9][A-Za-z0-9/.\-]{2,30}[A-Za-z0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex AfterLabel();

    /// <summary>
    /// Candidates in order of confidence: labelled numbers first, then recognisable formats. The timeouts guard
    /// against pathological input, and they are wall-clock: on an overloaded machine (measured: load average 40 on
    /// 2 cores, 200 ms limit) even a short text can trip one. A case number is only a routing hint, so a timeout ends
    /// the search with what was found instead of failing the ingest.
    /// </summary>
    public static IReadOnlyList<string> Find(string? subject, string text)
    {
        var all = $"{subject}\n{text}";
        var found = new List<string>();
        try
        {
            foreach (Match m in AfterLabel().Matches(all)) Add(m.Groups[1].Value);
            foreach (Match m in PrefixedCaseNumber().Matches(all)) Add(m.Value);
            foreach (Match m in YearSlashSerial().Matches(all)) Add(m.Value);
        }
        catch (RegexMatchTimeoutException)
        {
            // Route on what was found (or to the default team, marked for a person to check).
        }
        return found;

        void Add(string candidate)
        {
            var trimmed = candidate.TrimEnd('.', '-');
            if (!found.Contains(trimmed, StringComparer.OrdinalIgnoreCase)) found.Add(trimmed);
        }
    }
}
