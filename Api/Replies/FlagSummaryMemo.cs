using System.Collections.Concurrent;

namespace SmartPost.Api.Replies;

/// <summary>
/// The flag summaries of a stored flags JSON, remembered by the JSON itself. A team list shows the same rows again and
/// again (every caseworker of the team opens it, several times a day), and reading each row's flags was about a third
/// of a page's CPU (BENCHMARKS.md, "Inbox page CPU"). The summaries are a pure function of the JSON, so a remembered one
/// can never be stale: a correction or a new screening writes new JSON, which is a new key. Bounded: past
/// <see cref="MaxEntries"/> the memo starts again empty, which costs one read per row and nothing else.
/// </summary>
internal static class FlagSummaryMemo
{
    /// <summary>
    /// About every team's first pages many times over. The memo keeps its keys alive: up to this many flags JSON strings
    /// (a few hundred bytes to a few kB each, so at most some tens of MB) stay in memory until it starts again.
    /// </summary>
    internal const int MaxEntries = 10_000;

    private static ConcurrentDictionary<string, FlagSummary[]> s_memo = new(StringComparer.Ordinal);
    private static int s_count;

    public static IReadOnlyList<FlagSummary> Get(string flagsJson, Func<string, FlagSummary[]> read)
    {
        var memo = s_memo;
        if (memo.TryGetValue(flagsJson, out var remembered)) return remembered;
        var summaries = read(flagsJson);
        if (Interlocked.Increment(ref s_count) > MaxEntries)
        {
            // Start again rather than evict one by one: a list's rows come back on its next opening.
            s_memo = new ConcurrentDictionary<string, FlagSummary[]>(StringComparer.Ordinal);
            Interlocked.Exchange(ref s_count, 0);
            return summaries;
        }
        memo.TryAdd(flagsJson, summaries);
        return summaries;
    }
}
