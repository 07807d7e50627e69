using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Memo;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Memo;

namespace SmartPost.Api.Tests.Dispatch;

public class DispatchApiTests
{
    private static readonly XNamespace M = MemoFormat.Namespace;

    private static ApiFactory Api() => new ApiFactory().WithClock(new FixedClock(DispatchRequests.Now));

    [Fact]
    public async Task DispatchWithReplyReturnsValidMemoWithDeadlineSenderRecipientAndCase()
    {
        using var api = Api();
        var response = await api.CreateCaseworkerClient("cw-anna", "team-helbred").PostDispatchAsync(DispatchRequests.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var xml = (string)body["memoXml"]!;
        Assert.Empty(MemoSchema.Validate(xml));

        var header = XDocument.Parse(xml).Root!.Element(M + "MessageHeader")!;
        Assert.Equal((string)body["messageUuid"]!, header.Element(M + "messageUUID")!.Value);
        Assert.Equal((string)body["dispatchId"]!, header.Element(M + "messageID")!.Value);
        Assert.Equal("Anmodning om lægeerklæring", header.Element(M + "label")!.Value);
        Assert.Equal("true", header.Element(M + "reply")!.Value);
        // 20 April 2026 ends at 23:59:59 Danish summer time = 21:59:59 UTC.
        Assert.Equal("2026-04-20T21:59:59Z", header.Element(M + "replyByDateTime")!.Value);
        Assert.Equal("12345678", header.Element(M + "Sender")!.Element(M + "senderID")!.Value);
        Assert.Equal("Færdselsstyrelsen", header.Element(M + "Sender")!.Element(M + "label")!.Value);
        Assert.Equal("1504662765", header.Element(M + "Recipient")!.Element(M + "recipientID")!.Value);
        Assert.Equal("CPR", header.Element(M + "Recipient")!.Element(M + "idType")!.Value);
        Assert.Equal("FST-2026-01234", header.Descendants(M + "caseID").Single().Value);
        Assert.Equal("team-helbred", (string)body["team"]!);
        Assert.Equal(response.Headers.Location!.AbsolutePath, $"/api/v1/dispatches/{body["dispatchId"]}");
    }

    public static TheoryData<string, string, string, string, string?> Variants => new()
    {
        { "CPR", "150466-2765", "WithReply", "WithReply", null },
        { "CPR", "1504662765", "WithoutReply", "WithoutReply", null },
        { "CVR", "24405843", "WithReply", "WithReply", "2026-03-02" },
        { "CVR", "24405843", "WithoutReply", "WithoutReply", null },
        { "CPR", "040349-1566", "PhysicalMail", "PhysicalMail", null },
        { "CPR", "261241-3920", "PhysicalMail", "WithoutReply", null },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task EveryDispatchVariantProducesSchemaValidMemo(string idType, string id, string suggested, string chosen, string? replyBy)
    {
        using var api = Api();
        var request = DispatchRequests.Valid(idType: idType, id: id);
        request["suggestedOption"] = suggested;
        request["chosenOption"] = chosen;
        request["replyBy"] = replyBy;
        if (suggested != chosen) request["overrideReason"] = "Borgeren har bedt om digital post trods fritagelse";

        var response = await api.CreateCaseworkerClient().PostDispatchAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var xml = (string)(await response.JsonAsync())["memoXml"]!;
        Assert.Empty(MemoSchema.Validate(xml));
        var header = XDocument.Parse(xml).Root!.Element(M + "MessageHeader")!;
        Assert.Equal(chosen == "WithReply" ? "true" : "false", header.Element(M + "reply")!.Value);
        Assert.Equal(replyBy is not null, header.Element(M + "replyByDateTime") is not null);
        Assert.Equal(idType, header.Element(M + "Recipient")!.Element(M + "idType")!.Value);
    }

    [Fact]
    public async Task DispatchIsStoredWithAuditEvent()
    {
        using var api = Api();
        var body = await (await api.CreateCaseworkerClient("cw-bo", "team-a").PostDispatchAsync(DispatchRequests.Valid())).JsonAsync();
        var id = (Guid)body["dispatchId"]!;

        await using var db = api.CreateDbContext();
        var stored = await db.Set<DispatchRecord>().SingleAsync();
        Assert.Equal(id, stored.Id);
        Assert.Equal("1504662765", stored.RecipientId);
        Assert.Equal("ExpectsReply", stored.Category);
        Assert.Equal(new DateOnly(2026, 4, 20), stored.ReplyBy);
        Assert.Equal((string)body["memoXml"]!, stored.MemoXml);
        var audit = await db.Set<DispatchAuditEvent>().SingleAsync();
        Assert.Equal((DispatchAuditEvent.Created, "cw-bo", id), (audit.Action, audit.Actor, audit.DispatchId));
        Assert.Equal(DispatchRequests.Now.UtcDateTime, audit.At);
    }

    [Fact]
    public async Task DocumentDispatchedTwiceHasBothInItsHistoryNewestFirst()
    {
        var clock = new FixedClock(DispatchRequests.Now);
        using var api = new ApiFactory().WithClock(clock);
        var client = api.CreateCaseworkerClient();
        var first = await (await client.PostDispatchAsync(DispatchRequests.Valid("D-1"))).JsonAsync();
        clock.Now = clock.Now.AddMinutes(1);
        var other = DispatchRequests.Valid("D-2");
        await client.PostDispatchAsync(other);
        clock.Now = clock.Now.AddMinutes(1);
        var again = DispatchRequests.Valid("D-1");
        again["replyBy"] = null;
        again["chosenOption"] = "WithoutReply";
        again["overrideReason"] = "Sendt igen som orientering";
        var second = await (await client.PostDispatchAsync(again)).JsonAsync();

        var history = await (await client.GetAsync("/api/v1/dispatches?documentId=D-1")).JsonArrayAsync();
        var nested = await (await client.GetAsync("/api/v1/documents/D-1/dispatches")).JsonArrayAsync();

        Assert.Equal(new[] { (string)second["dispatchId"]!, (string)first["dispatchId"]! }, history.Select(h => (string)h["dispatchId"]!));
        Assert.Equal(history.ToString(), nested.ToString());
        Assert.NotEqual((string)first["messageUuid"]!, (string)second["messageUuid"]!);
        Assert.Equal("150466-****", (string)history[0]["recipient"]!["id"]!);
    }

    [Fact]
    public async Task DispatchCanBeFetchedByIdWithAuditTrail()
    {
        using var api = Api();
        var client = api.CreateCaseworkerClient("cw-anna");
        var created = await (await client.PostDispatchAsync(DispatchRequests.Valid())).JsonAsync();

        var fetched = await (await client.GetAsync($"/api/v1/dispatches/{created["dispatchId"]}")).JsonAsync();
        var audit = await (await client.GetAsync($"/api/v1/dispatches/{created["dispatchId"]}/audit")).JsonArrayAsync();

        Assert.True(JToken.DeepEquals(created, fetched));
        Assert.Equal("Created", (string)audit.Single()["action"]!);
        Assert.Equal("cw-anna", (string)audit.Single()["actor"]!);
    }

    [Fact]
    public async Task UnknownDispatchIsNotFoundProblem()
    {
        using var api = Api();
        var response = await api.CreateCaseworkerClient().GetAsync($"/api/v1/dispatches/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
    }

    [Fact]
    public async Task HistoryWithoutDocumentIdIsBadRequest()
    {
        using var api = Api();
        var response = await api.CreateCaseworkerClient().GetAsync("/api/v1/dispatches");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]!["documentId"]);
    }

    [Fact]
    public async Task DispatchLookupFindsByMessageUuidAndLatestOnCase()
    {
        var clock = new FixedClock(DispatchRequests.Now);
        using var api = new ApiFactory().WithClock(clock);
        var client = api.CreateCaseworkerClient("cw-anna", "team-helbred");
        var first = await (await client.PostDispatchAsync(DispatchRequests.Valid("D-1"))).JsonAsync();
        clock.Now = clock.Now.AddHours(1);
        var later = DispatchRequests.Valid("D-2");
        later["category"] = "Decision";
        var second = await (await client.PostDispatchAsync(later)).JsonAsync();

        await using var db = api.CreateDbContext();
        var lookup = new DispatchLookup(db);
        var byUuid = await lookup.FindByMessageUuidAsync((Guid)first["messageUuid"]!);
        var latest = await lookup.FindLatestByCaseNumberAsync("FST-2026-01234");

        Assert.Equal((Guid)first["dispatchId"]!, byUuid!.DispatchId);
        Assert.Equal(("FST-2026-01234", "team-helbred", "ExpectsReply"), (byUuid.CaseNumber, byUuid.Team, byUuid.Category));
        Assert.Equal(DispatchRequests.Now.UtcDateTime, byUuid.SentAt);
        Assert.Equal((Guid)second["dispatchId"]!, latest!.DispatchId);
        Assert.Null(await lookup.FindByMessageUuidAsync(Guid.NewGuid()));
        Assert.Null(await lookup.FindLatestByCaseNumberAsync("FST-0000-00000"));
    }
}
