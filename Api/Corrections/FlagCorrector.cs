using Newtonsoft.Json.Linq;
using SmartPost.Api.Replies;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Corrections;

/// <summary>Who corrected and when, as stored on the flag and shown in the pane.</summary>
public sealed record CorrectionStamp(CorrectionVerdict Verdict, string By, string ByName, DateTime At, string? Note);

/// <summary>What a correction does to a reply's flags: refused (why, in Danish), nothing, or applied.</summary>
/// <param name="Verdict">The verdict as stored (confirming a kind added by hand is adding it).</param>
/// <param name="FoundCertainty">How sure the screening was of the corrected finding; null when it had not found it.</param>
public sealed record CorrectionOutcome(string? Refusal, bool Changed, CorrectionVerdict Verdict, Certainty? FoundCertainty)
{
    public static CorrectionOutcome Refused(string why) => new(why, false, default, null);
}

/// <summary>
/// Applies a caseworker's verdict to the flags stored on a reply. Plain C#: the flags stay the screener's JSON, a
/// corrected flag gets a "correction" member (verdict, who, when, note) and a kind added by hand is a new flag with
/// "origin": "Caseworker". Nothing is removed: a rejected flag stays, marked, so the pane and the history show it.
/// Afterwards the reply's flag columns and due date count only the flags that are not rejected.
/// </summary>
public static class FlagCorrector
{
    public const string CorrectionMember = "correction";
    public const string OriginMember = "origin";
    public const string ByHand = "Caseworker";

    /// <param name="addedFlag">The flag a kind added by hand gets (with its due dates), as the screener would write it.</param>
    public static CorrectionOutcome Apply(Reply reply, FlagKind kind, CorrectionStamp stamp, Func<JObject> addedFlag)
    {
        var flags = ParseFlags(reply.FlagsJson);
        var flag = flags.OfType<JObject>().FirstOrDefault(f => (string?)f["kind"] == kind.ToString());
        var name = ReplyScreener.DanishName(kind);
        var byHand = flag is not null && IsByHand(flag);
        var current = flag is null ? null : Verdict(flag);
        var verdict = stamp.Verdict;

        if (flag is null && verdict != CorrectionVerdict.Added)
            return CorrectionOutcome.Refused($"Screeningen har ikke fundet {name} i svaret, så der er intet fund at "
                + (verdict == CorrectionVerdict.Confirmed ? "bekræfte" : "afvise") + $". Vælg \"Tilføj fund\", hvis svaret indeholder {name}.");
        if (flag is not null && !byHand && verdict == CorrectionVerdict.Added)
            return CorrectionOutcome.Refused($"Screeningen har allerede fundet {name} i svaret. Bekræft fundet i stedet for at tilføje det.");
        // A kind added by hand is there or not: confirming it is adding it again.
        if (byHand && verdict == CorrectionVerdict.Confirmed) stamp = stamp with { Verdict = verdict = CorrectionVerdict.Added };

        var foundCertainty = flag is null || byHand ? (Certainty?)null : Enum.Parse<Certainty>((string?)flag["certainty"] ?? nameof(Certainty.Certain));
        if (current == verdict && (string?)flag![CorrectionMember]?["note"] == stamp.Note) return new CorrectionOutcome(null, false, verdict, foundCertainty);

        if (flag is null)
        {
            flag = addedFlag();
            flag[OriginMember] = ByHand;
            flags.Add(flag);
        }
        flag[CorrectionMember] = JObject.FromObject(new
        {
            verdict = stamp.Verdict.ToString(), by = stamp.By, byName = stamp.ByName,
            at = stamp.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture), note = stamp.Note,
        });
        reply.FlagsJson = flags.ToString(Newtonsoft.Json.Formatting.None);
        CountOpenFlags(reply, flags);
        return new CorrectionOutcome(null, true, verdict, foundCertainty);
    }

    /// <summary>A rejected finding is no longer an open one: it leaves the flag columns, totals and the due date.</summary>
    private static void CountOpenFlags(Reply reply, JArray flags)
    {
        var open = flags.OfType<JObject>().Where(f => Verdict(f) != CorrectionVerdict.Rejected).ToList();
        bool Has(FlagKind kind) => open.Any(f => (string?)f["kind"] == kind.ToString());
        reply.HasAccessToRecordsRequest = Has(FlagKind.AccessToRecordsRequest);
        reply.HasComplaint = Has(FlagKind.Complaint);
        reply.HasDeadlineExtensionRequest = Has(FlagKind.DeadlineExtensionRequest);
        reply.DueDate = open.Select(f => (string?)f["dueDate"]).Where(d => d is not null)
            .Select(d => (DateOnly?)DateOnly.Parse(d!, System.Globalization.CultureInfo.InvariantCulture)).Min();
        reply.SortDueDate = reply.DueDate ?? Reply.NoDueDate;
    }

    /// <summary>The stored flags as they are: strings that look like dates stay strings, so nothing is rewritten.</summary>
    public static JArray ParseFlags(string flagsJson)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(flagsJson)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JArray.Load(reader);
    }

    public static CorrectionVerdict? Verdict(JObject flag) =>
        flag[CorrectionMember]?["verdict"] is JValue { Value: string v } && Enum.TryParse<CorrectionVerdict>(v, out var verdict) ? verdict : null;

    public static bool IsByHand(JObject flag) => (string?)flag[OriginMember] == ByHand;

    /// <summary>The verdict as the history and the pane say it: "bekræftet: aktindsigt", "ikke aktindsigt", "tilføjet: klage".</summary>
    public static string DanishVerdict(FlagKind kind, CorrectionVerdict verdict) => verdict switch
    {
        CorrectionVerdict.Confirmed => $"bekræftet {ReplyScreener.DanishName(kind)}",
        CorrectionVerdict.Rejected => $"ikke {ReplyScreener.DanishName(kind)}",
        _ => $"tilføjet {ReplyScreener.DanishName(kind)}",
    };
}
