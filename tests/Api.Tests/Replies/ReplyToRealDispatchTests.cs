using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Replies;
using SmartPost.Api.Tests.Dispatch;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Replies;

/// <summary>End to end with the real dispatch feature: what POST /api/v1/dispatches records is what a reply links to.</summary>
public class ReplyToRealDispatchTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task MemoReplyToARecordedDispatchIsLinkedThroughReplyData(DatabaseKind kind)
    {
        using var api = new ApiFactory(kind).WithClock(new FixedClock(DispatchRequests.Now));
        var client = api.CreateCaseworkerClient("cw-anna", "team-helbred");
        var sent = await DispatchAsync(client, "FST-2026-01234", "team-helbred");

        var xml = ReplyTestKit.Memo(Guid.NewGuid(), "svar.txt", "text/plain",
            Encoding.UTF8.GetBytes("Jeg vil klage over afgørelsen."), answers: Guid.Parse((string)sent["messageUuid"]!));
        var response = await client.PostXmlAsync(xml);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("ReplyData", (string?)body["routing"]);
        Assert.Equal("team-helbred", (string?)body["team"]);
        Assert.Equal("FST-2026-01234", (string?)body["caseNumber"]);
        Assert.Contains(body["flags"]!, f => (string?)f["kind"] == "Complaint");
        var detail = await (await client.GetAsync($"/api/v1/replies/{body["id"]}")).ReadJsonAsync();
        Assert.Equal((string?)sent["dispatchId"], (string?)detail["answeredDispatchId"]);
        var stored = await api.CreateDbContext().Set<Reply>().SingleAsync();
        Assert.Equal(Guid.Parse((string)sent["dispatchId"]!), stored.AnsweredDispatchId);
    }

    [Fact]
    public async Task ReplyDataForAnUnknownMessageGoesToTheDefaultTeamWithTheReason()
    {
        using var api = new ApiFactory().WithClock(new FixedClock(DispatchRequests.Now)).WithSetting("Replies:DefaultTeam", "team-fordeling");
        var client = api.CreateCaseworkerClient("cw-anna", "team-helbred", "team-fordeling");
        await DispatchAsync(client, "FST-2026-01234");
        var unknown = Guid.NewGuid();

        var body = await (await client.PostXmlAsync(ReplyTestKit.Memo(Guid.NewGuid(), "svar.txt", "text/plain",
            Encoding.UTF8.GetBytes("Hermed papirerne."), answers: unknown))).ReadJsonAsync();

        Assert.Equal("DefaultTeam", (string?)body["routing"]);
        Assert.Equal("team-fordeling", (string?)body["team"]);
        Assert.Contains(unknown.ToString(), (string?)body["routingReason"]);
    }

    [Fact]
    public async Task CaseNumberInTextOfCatchAllMessageRoutesToTheTeamThatSentOnTheCase()
    {
        using var api = new ApiFactory().WithClock(new FixedClock(DispatchRequests.Now));
        var client = api.CreateCaseworkerClient("cw-anna", "team-udland");
        await DispatchAsync(client, "FS-2025-021145");

        var body = await (await client.PostXmlAsync(ReplyTestKit.Memo(Guid.NewGuid(), "besked.txt", "text/plain",
            Encoding.UTF8.GetBytes("Vedr. sagsnr. FS-2025-021145: jeg har sendt papirerne.")))).ReadJsonAsync();

        Assert.Equal("CaseNumberInText", (string?)body["routing"]);
        Assert.Equal("team-udland", (string?)body["team"]);
        Assert.Equal("FS-2025-021145", (string?)body["caseNumber"]);
    }

    /// <summary>A decision sent by the given team (default: the caller's first team) through the real dispatch endpoint.</summary>
    private static async Task<JObject> DispatchAsync(HttpClient client, string caseNumber, string? team = null)
    {
        var request = DispatchRequests.Valid();
        request["caseNumber"] = caseNumber;
        request["category"] = "Decision";
        if (team is not null) request["team"] = team;
        var response = await client.PostDispatchAsync(request);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }
}
