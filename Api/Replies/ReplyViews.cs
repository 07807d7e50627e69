using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Recipients;

namespace SmartPost.Api.Replies;

public sealed record SenderView(string? IdType, string? Id);

public sealed record DoneBy(string By, DateTime At);

public sealed record ClaimView(string By, DateTime Since, DateTime ExpiresAt);

/// <summary>A flag in list views: what it is, how sure, and when it is due; the evidence is in the detail view.</summary>
/// <param name="Certainty">"Certain" or "Possible" (a Possible flag must be checked: "Mulig aktindsigt – tjek").</param>
/// <param name="Verdict">A caseworker's current correction: Confirmed, Rejected (shown, but no longer an open finding) or
/// Added (the screening missed it); null when nobody has corrected the flag.</param>
public sealed record FlagSummary(string Kind, string? SubKind, DateOnly? DueDate, string Certainty = "Certain", string? Verdict = null);

/// <summary>One row of the team inbox. The sender's CPR number is masked here (issue 5: full only in the detail).</summary>
public sealed record ReplyListItem(
    long Id, string Team, DateTime ReceivedAt, string? Subject, string? CaseNumber, SenderView Sender,
    IReadOnlyList<FlagSummary> Flags, DateOnly? DueDate, bool NeedsManualScreening, string Routing, string RoutingReason,
    DoneBy? Screened, ClaimView? Claim, DoneBy? Handled, string ETag)
{
    /// <summary>Swagger example: <see cref="ReplyDetail.Example"/> as an inbox row (CPR masked).</summary>
    public static ReplyListItem Example => new(
        1, "team-helbred", ReplyDetail.Example.ReceivedAt, "Sv: Anmodning om lægeerklæring", "FS-2026-010001",
        new SenderView("CPR", "010190-****"), [new FlagSummary("AccessToRecordsRequest", "Offentlighedsloven", new DateOnly(2026, 12, 1))],
        new DateOnly(2026, 12, 1), false, "GivenTeam", "Team angivet ved modtagelsen.",
        new DoneBy("anna@fstyr.dk", new DateTime(2026, 11, 23, 8, 15, 2, DateTimeKind.Utc)), null, null, "\"1-1\"");
}

public sealed record ReplyDocumentView(long Id, string FileName, string MediaType, int Size, bool TextExtracted);

/// <summary>Everything about one reply, for members of its team: full sender id, text, flags with evidence.</summary>
public sealed record ReplyDetail(
    long Id, string Team, string? CaseNumber, Guid? MessageUuid, string? DocumentId, string? Label,
    DateTime ReceivedAt, string? Subject, string Text, SenderView Sender,
    JArray Flags, DateOnly? DueDate, bool NeedsManualScreening, string? ManualScreeningReason,
    string Routing, string RoutingReason, Guid? AnsweredDispatchId,
    DoneBy? Screened, ClaimView? Claim, DoneBy? Handled, string? MetadataSync,
    IReadOnlyList<ReplyDocumentView> Documents, string ETag)
{
    /// <summary>Swagger example: the reply of <see cref="JsonReplyRequest.Example"/> after it was screened.</summary>
    public static ReplyDetail Example => new(
        1, "team-helbred", "FS-2026-010001", null, "D2026-004790", null, new DateTime(2026, 11, 21, 8, 9, 43, DateTimeKind.Utc),
        "Sv: Anmodning om lægeerklæring", "Hej\n\nJeg vil gerne have aktindsigt i min sag, herunder lægens udtalelse.\n\nMvh\nMette Hansen",
        new SenderView("CPR", "0101901234"),
        JArray.Parse("""
            [{ "kind": "AccessToRecordsRequest", "subKind": "Offentlighedsloven",
               "evidence": [{ "text": "aktindsigt", "start": 24, "length": 10, "field": "text" }],
               "dueDate": "2026-12-01",
               "rule": "Aktindsigt: afgørelse hurtigst muligt og inden 7 arbejdsdage, ellers fristbrev med begrundelse og forventet tidspunkt (offentlighedsloven § 36, stk. 2).",
               "deadlines": [{ "date": "2026-12-01", "rule": "Aktindsigt: afgørelse inden 7 arbejdsdage (offentlighedsloven § 36, stk. 2).", "code": "AktindsigtAfgoerelse7" }],
               "inTime": null, "certainty": "Certain", "reason": null }]
            """),
        new DateOnly(2026, 12, 1), false, null, "GivenTeam", "Team angivet ved modtagelsen.", null,
        new DoneBy("anna@fstyr.dk", new DateTime(2026, 11, 23, 8, 15, 2, DateTimeKind.Utc)), null, null, null, [], "\"1-1\"");
}

public sealed record ReplyHistoryEntry(DateTime At, string Actor, string Kind, string? Detail);

/// <summary>Answer to POST /api/v1/replies.</summary>
public sealed record IngestResult(
    long Id, bool Created, string Team, string? CaseNumber, string Routing, string RoutingReason,
    IReadOnlyList<FlagSummary> Flags, DateOnly? DueDate, bool NeedsManualScreening)
{
    /// <summary>Swagger example: the answer to <see cref="JsonReplyRequest.Example"/>.</summary>
    public static IngestResult Example => new(
        1, true, "team-helbred", "FS-2026-010001", "GivenTeam", "Team angivet ved modtagelsen.",
        [new FlagSummary("AccessToRecordsRequest", "Offentlighedsloven", new DateOnly(2026, 12, 1))], new DateOnly(2026, 12, 1), false);
}

/// <summary>Answer to a redelivery by a caller outside the reply's team: stored once, nothing about it shown.</summary>
public sealed record IngestReceipt(long Id, bool Created);

public static class ReplyViews
{
    public static ReplyListItem ToListItem(Reply r, DateTime now, TimeSpan claimTimeout) => new(
        r.Id, r.Team, r.ReceivedAt, r.Subject, r.CaseNumber, Sender(r, masked: true), Summaries(r), r.DueDate,
        r.NeedsManualScreening, r.Routing.ToString(), r.RoutingReason, Screened(r), Claim(r, now, claimTimeout),
        Handled(r), r.ETag);

    public static ReplyDetail ToDetail(
        Reply r, DateTime now, TimeSpan claimTimeout, string? metadataSync, IReadOnlyList<ReplyDocumentView> documents) => new(
        r.Id, r.Team, r.CaseNumber, r.MessageUuid, r.DocumentId, r.Label, r.ReceivedAt, r.Subject, r.Text,
        Sender(r, masked: false), JArray.Parse(r.FlagsJson), r.DueDate, r.NeedsManualScreening, r.ManualScreeningReason,
        r.Routing.ToString(), r.RoutingReason, r.AnsweredDispatchId, Screened(r), Claim(r, now, claimTimeout), Handled(r),
        metadataSync, documents, r.ETag);

    public static IngestResult ToIngestResult(Reply r, bool created) => new(
        r.Id, created, r.Team, r.CaseNumber, r.Routing.ToString(), r.RoutingReason, Summaries(r), r.DueDate, r.NeedsManualScreening);

    /// <summary>
    /// Kind, sub-kind, due date and certainty of each stored flag. Read with a forward-only reader that skips the evidence,
    /// rules and deadlines: an inbox page does this for every row, and building the whole JSON tree (JArray.Parse)
    /// was half of the page's CPU time.
    /// </summary>
    public static IReadOnlyList<FlagSummary> Summaries(Reply r) => FlagSummaryMemo.Get(r.FlagsJson, ReadSummaries);

    private static FlagSummary[] ReadSummaries(string flagsJson)
    {
        var summaries = new List<FlagSummary>(2);
        using var reader = new JsonTextReader(new StringReader(flagsJson))
        {
            DateParseHandling = DateParseHandling.None, PropertyNameTable = FlagPropertyNames, ArrayPool = PooledChars.Instance,
        };
        reader.Read(); // [
        while (reader.Read() && reader.TokenType == JsonToken.StartObject)
        {
            string? kind = null, subKind = null, due = null, certainty = null, verdict = null;
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                if (name is "kind" or "subKind" or "dueDate" or "certainty")
                {
                    var value = reader.ReadAsString();
                    if (name == "kind") kind = value;
                    else if (name == "subKind") subKind = value;
                    else if (name == "certainty") certainty = value;
                    else due = value;
                }
                else if (name == "correction")
                {
                    reader.Read();
                    verdict = reader.TokenType == JsonToken.StartObject ? (string?)JObject.Load(reader)["verdict"] : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            summaries.Add(new FlagSummary(kind ?? "", subKind,
                due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
                certainty ?? "Certain", verdict)); // flags stored before the tiers existed were all confirmed by the rules
        }
        return [.. summaries];
    }

    /// <summary>
    /// The stored flags' property names, so the reader hands out these strings instead of allocating each name of
    /// every flag of every row. Filled once here and only read afterwards (JsonTextReader only calls Get), so it is
    /// safe to share between requests.
    /// </summary>
    private static readonly DefaultJsonNameTable FlagPropertyNames = NameTable(
        "kind", "subKind", "dueDate", "certainty", "correction", "verdict", "evidence", "text", "start", "length", "field",
        "rule", "deadlines", "date", "code", "inTime", "reason");

    private static DefaultJsonNameTable NameTable(params string[] names)
    {
        var table = new DefaultJsonNameTable();
        foreach (var name in names) table.Add(name);
        return table;
    }

    /// <summary>The reader's character buffer from the shared pool instead of a new one per row.</summary>
    private sealed class PooledChars : IArrayPool<char>
    {
        public static readonly PooledChars Instance = new();
        public char[] Rent(int minimumLength) => System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);
        public void Return(char[]? array)
        {
            if (array is not null) System.Buffers.ArrayPool<char>.Shared.Return(array);
        }
    }

    /// <summary>An active claim, or null when there is none or it has expired (Replies:ClaimTimeout).</summary>
    public static ClaimView? Claim(Reply r, DateTime now, TimeSpan timeout) =>
        r is { ClaimedBy: { } by, ClaimedAt: { } since } && since + timeout > now ? new ClaimView(by, since, since + timeout) : null;

    private static SenderView Sender(Reply r, bool masked) => new(
        r.SenderIdType,
        masked && r.SenderIdType == nameof(RecipientIdType.CPR) && r.SenderId is { } cpr ? RecipientId.MaskCpr(cpr) : r.SenderId);

    private static DoneBy? Screened(Reply r) => r is { ScreenedBy: { } by, ScreenedAt: { } at } ? new DoneBy(by, at) : null;

    private static DoneBy? Handled(Reply r) => r is { IsHandled: true, HandledBy: { } by, HandledAt: { } at } ? new DoneBy(by, at) : null;
}
