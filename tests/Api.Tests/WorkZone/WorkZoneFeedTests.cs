using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Replies;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;
using WorkZoneStandIn;
using static SmartPost.Api.Tests.WorkZone.WorkZoneKit;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>Replies fetched from WorkZone (the OData 4 stand-in over real HTTP) by the feed.</summary>
public class WorkZoneFeedTests
{
    [Fact]
    public async Task FiveHundredRecordsAcrossTenPagesAreIngestedExactlyOnce()
    {
        await using var standIn = await StartStandInAsync(seedIncoming: 500);
        using var api = ApiAgainst(standIn, feed: true);
        var client = api.CreateCaseworkerClient("cw-anna", "team-helbred");

        await EventuallyAsync(async () => await api.CreateDbContext().Set<Reply>().CountAsync() >= 500, TimeSpan.FromSeconds(180), "500 replies stored");
        // Two more polls over the same records: nothing new may appear.
        var polls = standIn.Requests.All().Count(IsFirstPage);
        await EventuallyAsync(() => Task.FromResult(standIn.Requests.All().Count(IsFirstPage) >= polls + 2), TimeSpan.FromSeconds(10), "two more polls");

        var keys = await api.CreateDbContext().Set<Reply>().Select(r => r.DocumentId).ToListAsync();
        var expected = standIn.Data.Snapshot().Select(r => r.ID).ToHashSet();
        Assert.Equal(500, keys.Count);
        Assert.True(expected.SetEquals(keys!), "every WorkZone record is a reply, with its record ID as documentId");
        var firstPoll = standIn.Requests.All().Where(r => r.Method == "GET" && r.PathAndQuery.StartsWith("/OData4/Records?", StringComparison.Ordinal)).Take(10).ToList();
        Assert.Equal(9, firstPoll.Count(r => r.PathAndQuery.Contains("$skiptoken=")));

        var status = await StatusAsync(client);
        Assert.NotNull(status["lastSuccessfulPoll"]);
        Assert.Equal(0, (int)status["recordsWaiting"]!);
        Assert.StartsWith("WorkZone: hentet ", (string?)status["summary"]);
    }

    private static bool IsFirstPage(LoggedRequest r) =>
        r.Method == "GET" && r.PathAndQuery.StartsWith("/OData4/Records?$filter=", StringComparison.Ordinal) && !r.PathAndQuery.Contains("$skiptoken");

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task AReplyFromWorkZoneCarriesItsRecordIdAttachmentsTeamAndDeadline(DatabaseKind database)
    {
        await using var standIn = await StartStandInAsync();
        var recordId = standIn.Data.AddIncoming(new IncomingSpec(
            "Sv: Lægeerklæring", "Jeg vil gerne have aktindsigt i min sag. Og jeg vil klage over afgørelsen.", "FS-2026-010001", "HELBRED",
            Attachments: [("bilag.html", "text/html", "<p>Min <b>lægeerklæring</b></p>"u8.ToArray()), ("scan.pdf", "application/pdf", [1, 2, 3])]));
        var unmapped = standIn.Data.AddIncoming(new IncomingSpec("Sv: Brev", "Tak.", "FS-2026-777777", "UKENDT-ENHED"));
        standIn.Data.AddIncoming(new IncomingSpec("E-mail", "Ikke Digital Post", "FS-2026-010001", "HELBRED", Source: "EM"));
        using var api = ApiAgainst(standIn, feed: true, database: database);
        var client = api.CreateCaseworkerClient("cw-anna", "team-helbred", "team-a");

        JObject detail = new();
        await EventuallyAsync(async () =>
        {
            var response = await client.GetAsync($"/api/v1/replies?documentId={recordId}");
            detail = await response.ReadJsonAsync();
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(20), "the reply found by its WorkZone record ID");
        Assert.Equal("team-helbred", (string?)detail["team"]);
        Assert.Equal("FS-2026-010001", (string?)detail["caseNumber"]);
        Assert.Equal("Sv: Lægeerklæring", (string?)detail["subject"]);
        Assert.Contains("Min lægeerklæring", (string?)detail["text"]);
        Assert.Equal(["svar.txt", "bilag.html", "scan.pdf"], detail["documents"]!.Select(d => (string?)d["fileName"]));
        Assert.True((bool)detail["needsManualScreening"]!); // the PDF cannot be read automatically
        var flagDates = detail["flags"]!.Select(f => (string?)f["dueDate"]).OfType<string>().ToList();
        Assert.True(flagDates.Count >= 1);
        var earliest = flagDates.Min()!;
        Assert.Equal(earliest, (string?)detail["dueDate"]);

        // The deadline goes back to WorkZone's ReplyTimeLimitDate as a PATCH of only that field, by the system (no OnBehalfOf).
        // The record changes before the stand-in answers the PATCH, so the wait is for the answered PATCH in its log.
        await EventuallyAsync(() => Task.FromResult(AppliedPatches(standIn).ContainsKey(recordId)), TimeSpan.FromSeconds(20), "the deadline PATCH answered");
        Assert.Equal(earliest, standIn.Data.Find(recordId)!.Value.Record.ReplyTimeLimitDate?.ToString("yyyy-MM-dd"));
        var deadline = Assert.Single(AppliedPatches(standIn)[recordId]);
        Assert.Equal(["ReplyTimeLimitDate"], deadline.ChangedProperties);
        Assert.Null(deadline.OnBehalfOf);

        // An unmapped unit falls back to today's linking (here: the default team); e-mail records are not Digital Post.
        var other = await (await client.GetAsync($"/api/v1/replies?documentId={unmapped}")).ReadJsonAsync();
        Assert.NotEqual("GivenTeam", (string?)other["routing"]);
        Assert.Equal(2, await api.CreateDbContext().Set<Reply>().CountAsync());
    }

    [Fact]
    public async Task ARecordDeletedBetweenListAndReadIsSkippedAndTheRestArrive()
    {
        await using var standIn = await StartStandInAsync(seedIncoming: 6);
        standIn.Faults.Add(new FaultSpec("delete-after-list", Count: 2));
        using var api = ApiAgainst(standIn, feed: true);
        var client = api.CreateCaseworkerClient("cw-anna", "team-helbred");

        await EventuallyAsync(async () => await api.CreateDbContext().Set<Reply>().CountAsync() == 4, TimeSpan.FromSeconds(20), "the 4 remaining replies");
        await EventuallyAsync(async () => (await StatusAsync(client))["lastSuccessfulPoll"]!.Type != JTokenType.Null, TimeSpan.FromSeconds(10), "a successful poll");
        Assert.Equal(4, standIn.Data.Count);
        var stored = await api.CreateDbContext().Set<Reply>().Select(r => r.DocumentId).ToListAsync();
        Assert.True(standIn.Data.Snapshot().Select(r => r.ID).ToHashSet().SetEquals(stored!));
    }

    [Fact]
    public async Task ThrottlingAndSlowAnswersDelayTheFeedButLoseNothing()
    {
        await using var standIn = await StartStandInAsync(seedIncoming: 60);
        standIn.Faults.Add(new FaultSpec("throttle", Count: 3, RetryAfterSeconds: 1));
        standIn.Faults.Add(new FaultSpec("slow", Count: 2, DelayMs: 6000)); // longer than the 5 s request timeout
        using var api = ApiAgainst(standIn, feed: true);

        await EventuallyAsync(async () => await api.CreateDbContext().Set<Reply>().CountAsync() == 60, TimeSpan.FromSeconds(60), "60 replies");
        Assert.Contains(standIn.Requests.All(), r => r.Status == 429);
        Assert.Equal(60, (await api.CreateDbContext().Set<Reply>().Select(r => r.SourceKey).ToListAsync()).Distinct().Count());
    }
}
