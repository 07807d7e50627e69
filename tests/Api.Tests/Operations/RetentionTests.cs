using System.Text;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Replies;
using SmartPost.Api.Tests.Dispatch;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Operations;

/// <summary>Citizens' words are kept only while needed: purged a configured time after "SmartPost behandlet".</summary>
public class RetentionTests
{
    private const string Words = "Jeg vil gerne have aktindsigt i min sag.";

    [Fact]
    public async Task TextAndAttachmentsGoThirtyDaysAfterHandledWhileMetadataAndAuditStay()
    {
        var clock = new FixedClock(DateTimeOffset.Parse("2026-11-02T09:00:00Z"));
        using var api = new ApiFactory().WithClock(clock)
            .WithSetting("Retention:DaysAfterHandled", "30")
            .WithSetting("Retention:Interval", "00:00:00.100");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a", "team-postmodtagelse");

        var memo = await (await client.PostXmlAsync(ReplyTestKit.Memo(Guid.NewGuid(), "svar.txt", "text/plain", Encoding.UTF8.GetBytes(Words)))).ReadJsonAsync();
        var old = (long)memo["id"]!;
        var undone = (long)(await client.IngestAsync("WZ-2", "team-a", Words))["id"]!;
        await client.ChangeAsync(HttpMethod.Post, old, "handled");
        await client.ChangeAsync(HttpMethod.Post, undone, "handled");
        await client.ChangeAsync(HttpMethod.Delete, undone, "handled");
        clock.Now += TimeSpan.FromDays(2);
        var recent = (long)(await client.IngestAsync("WZ-3", "team-a", Words))["id"]!;
        await client.ChangeAsync(HttpMethod.Post, recent, "handled");

        clock.Now += TimeSpan.FromDays(29); // old: handled 31 days ago; recent: 29 days ago
        var purged = await WaitForPurgeAsync(client, old);

        Assert.Null((string?)purged["subject"]);
        Assert.Equal((string?)memo["team"], (string?)purged["team"]);
        var flag = Assert.Single(purged["flags"]!);
        Assert.Equal("AccessToRecordsRequest", (string?)flag["kind"]);
        Assert.Empty(flag["evidence"]!);
        Assert.NotEmpty(purged["documents"]!);
        Assert.All(purged["documents"]!, d => Assert.Equal(0, (int)d["size"]!));
        var history = await (await client.GetAsync($"/api/v1/replies/{old}/history")).ReadJsonAsync();
        Assert.Contains(history["items"]!, e => (string?)e["kind"] == "MarkedHandled");
        Assert.Contains(history["items"]!, e => (string?)e["kind"] == "ContentPurged");

        foreach (var kept in new[] { recent, undone })
        {
            Assert.Equal(Words, (string?)(await (await client.GetAsync($"/api/v1/replies/{kept}")).ReadJsonAsync())["text"]);
        }
        await using var db = api.CreateDbContext();
        Assert.DoesNotContain(await db.Set<ReplyDocument>().Where(d => d.ReplyId == old).Select(d => d.Content).ToListAsync(), c => c.Length > 0);
    }

    private static async Task<JObject> WaitForPurgeAsync(HttpClient client, long id)
    {
        JObject detail = new();
        for (var i = 0; i < 100; i++)
        {
            detail = await (await client.GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync();
            if ((string?)detail["text"] == "") return detail;
            await Task.Delay(100);
        }
        Assert.Fail($"reply {id} still has its text: {detail}");
        return detail;
    }
}
