using System.Globalization;
using SmartPost.Api.Screening;

namespace SmartPost.EvaluateScreening;

/// <summary>
/// Every flag by its source (<see cref="FlagSource"/>): how many found a labelled request (hits), how many landed on a
/// reply with another request only (wrong kind), and how many on a clean reply; and how many clean replies that source
/// flagged alone, which is what leaving it out would spare (a clean reply with a second flag stays flagged).
/// </summary>
public sealed class Attribution
{
    public sealed record Tally(int Hits, int WrongKind, int CleanFlags, int CleanAlone);

    public IReadOnlyDictionary<string, Tally> BySource { get; }
    public int Clean { get; }
    public int CleanFlagged { get; }

    private Attribution(Dictionary<string, Tally> bySource, int clean, int cleanFlagged) =>
        (BySource, Clean, CleanFlagged) = (bySource, clean, cleanFlagged);

    public static Attribution Of(ScreeningRules rules, IEnumerable<(CorpusReply Reply, IReadOnlyList<ScreeningFlag> Flags)> screened)
    {
        var source = new FlagSource(rules);
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        int clean = 0, cleanFlagged = 0;
        foreach (var (reply, flags) in screened)
        {
            var isClean = reply.Kinds.Count == 0 && reply.Judged is null;
            if (isClean) clean++;
            if (isClean && flags.Count > 0) cleanFlagged++;
            var sources = flags.Where(f => reply.IsJudgedOn(f.Kind)).Select(f => (Flag: f, Source: source.Of(f))).ToList();
            foreach (var (flag, name) in sources)
            {
                var t = tallies.GetValueOrDefault(name, new Tally(0, 0, 0, 0));
                var hit = reply.Kinds.Contains(flag.Kind);
                tallies[name] = t with
                {
                    Hits = t.Hits + (hit ? 1 : 0),
                    WrongKind = t.WrongKind + (!hit && !isClean ? 1 : 0),
                    CleanFlags = t.CleanFlags + (isClean ? 1 : 0),
                    CleanAlone = t.CleanAlone + (isClean && sources.All(s => s.Source == name) ? 1 : 0),
                };
            }
        }
        return new(tallies, clean, cleanFlagged);
    }

    /// <summary>The three tiers a source belongs to: the rules' Certain, the rules' Possible (in every form), the model alone.</summary>
    public static string TierOf(string source) =>
        source.EndsWith("model only", StringComparison.Ordinal) ? "model only" : source.EndsWith("rules Certain", StringComparison.Ordinal) ? "rules Certain" : "rules Possible";

    public void Print(TextWriter output, string title, bool detailed)
    {
        var c = CultureInfo.InvariantCulture;
        var tiers = BySource.GroupBy(s => TierOf(s.Key)).ToDictionary(g => g.Key, g => (Hits: g.Sum(s => s.Value.Hits), Clean: g.Sum(s => s.Value.CleanFlags), Wrong: g.Sum(s => s.Value.WrongKind)));
        output.WriteLine(string.Format(c, "  {0,-20} clean flagged {1,5:0.0} % ({2}/{3}); hits / wrong kind / clean flags: {4}", title,
            Clean == 0 ? 0 : 100.0 * CleanFlagged / Clean, CleanFlagged, Clean,
            string.Join(", ", new[] { "rules Certain", "rules Possible", "model only" }.Select(t => tiers.TryGetValue(t, out var x) ? $"{t} {x.Hits}/{x.Wrong}/{x.Clean}" : $"{t} 0/0/0"))));
        if (!detailed) return;
        output.WriteLine("    source                                                        hits  wrong kind  clean flags  clean flagged by it alone");
        foreach (var (name, t) in BySource.OrderByDescending(s => s.Value.CleanFlags).ThenByDescending(s => s.Value.Hits).ThenBy(s => s.Key, StringComparer.Ordinal))
            output.WriteLine(string.Format(c, "    {0,-60} {1,5} {2,11} {3,12} {4,12}", name.Length > 60 ? name[..59] + "…" : name, t.Hits, t.WrongKind, t.CleanFlags, t.CleanAlone));
    }
}
