using System.Text;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Corrections;
using SmartPost.Api.Replies;
using SmartPost.Api.Tests.Corrections;
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

    [Fact]
    public async Task CorrectionNotesGoWithTheTextWhileTheVerdictStays()
    {
        const string note = "Borgeren skriver at hun ikke vil klage, hun hedder Karen Hansen";
        var clock = new FixedClock(DateTimeOffset.Parse("2026-11-02T09:00:00Z"));
        using var api = new ApiFactory().WithClock(clock)
            .WithSetting("Retention:DaysAfterHandled", "30")
            .WithSetting("Retention:Interval", "00:00:00.100");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await client.IngestAsync("WZ-N1", "team-a", Words))["id"]!;
        await client.CorrectedAsync(id, "AccessToRecordsRequest", "Rejected", note);
        await client.ChangeAsync(HttpMethod.Post, id, "handled");

        clock.Now += TimeSpan.FromDays(31);
        var purged = await WaitForPurgeAsync(client, id);

        var correction = purged["flags"]!.Single(f => (string?)f["kind"] == "AccessToRecordsRequest")["correction"]!;
        Assert.Equal("Rejected", (string?)correction["verdict"]);
        Assert.Null((string?)correction["note"]);
        var history = await (await client.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        var corrected = history["items"]!.Single(e => (string?)e["kind"] == "FindingCorrected");
        Assert.DoesNotContain("Karen", corrected.ToString());
        Assert.Contains("Noten er slettet", corrected.ToString());
        await using var db = api.CreateDbContext();
        Assert.All(await db.Set<FindingCorrection>().Where(c => c.ReplyId == id).ToListAsync(), c => Assert.Null(c.Note));
    }

    [Fact]
    public async Task ABacklogLargerThanABatchGoesInOneRoundAndEachReplyIsPurgedOnce()
    {
        var clock = new FixedClock(DateTimeOffset.Parse("2026-11-02T09:00:00Z"));
        using var api = new ApiFactory().WithClock(clock)
            .WithSetting("Retention:DaysAfterHandled", "30")
            .WithSetting("Retention:BatchSize", "2")
            .WithSetting("Retention:BatchPause", "00:00:00")
            .WithSetting("Retention:Interval", "00:00:00.100");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var due = new List<long>();
        var kept = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            var id = (long)(await client.IngestAsync($"WZ-B{i}", "team-a", Words))["id"]!;
            // Every third reply stays unhandled, so the due ones are not one contiguous run of ids.
            if (i % 3 == 2) { kept.Add(id); continue; }
            await client.ChangeAsync(HttpMethod.Post, id, "handled");
            due.Add(id);
        }

        clock.Now += TimeSpan.FromDays(31);
        foreach (var id in due) await WaitForPurgeAsync(client, id);
        await Task.Delay(500); // a few more rounds: none may purge a reply again

        foreach (var id in kept)
        {
            Assert.Equal(Words, (string?)(await (await client.GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync())["text"]);
        }
        await using var db = api.CreateDbContext();
        var purgeEvents = await db.Set<ReplyEvent>().Where(e => e.Kind == ReplyEventKind.ContentPurged)
            .Select(e => e.ReplyId).ToListAsync();
        Assert.Equal(due.OrderBy(id => id), purgeEvents.OrderBy(id => id));
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
