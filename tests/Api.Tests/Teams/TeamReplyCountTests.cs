using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Teams;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Teams;

/// <summary>
/// The inbox totals come from per-team counts kept by database triggers. After concurrent ingest, handled, undo,
/// screened and claim they must equal a count over the replies themselves, on both databases.
/// </summary>
public class TeamReplyCountTests
{
    private static readonly string[] Texts =
    [
        "Jeg vil have aktindsigt i min sag.",
        "Jeg klager over afgørelsen.",
        "Jeg beder om fristforlængelse på 14 dage.",
        "Tak for brevet, hermed papirerne.",
    ];

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task CountsFollowIngestHandledUndoAndScreening(DatabaseKind kind)
    {
        using var api = new ApiFactory(kind);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a", "team-b");

        // Sixteen at once: concurrent writers of the same team's count row.
        var ingested = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.IngestAsync(
            $"D-{i}", i % 4 == 3 ? "team-b" : "team-a", Texts[i % Texts.Length], DateTimeOffset.Parse("2026-11-02T09:00:00Z").AddHours(i))));
        var teamA = ingested.Where(r => (string?)r["team"] == "team-a").Select(r => (long)r["id"]!).ToList();
        Assert.Equal(12, teamA.Count);
        await AssertCountsMatchRepliesAsync(api, client, "team-a", expectedUnhandled: 12, expectedHandled: 0);
        var first = (JObject)(await (await client.GetAsync("/api/v1/teams/team-a/replies")).ReadJsonAsync())["totals"]!;
        Assert.True((int)first["accessToRecordsRequest"]! > 0 && (int)first["complaint"]! > 0, first.ToString());

        foreach (var id in teamA.Take(5)) Assert.True((await client.ChangeAsync(HttpMethod.Post, id, "handled")).IsSuccessStatusCode);
        Assert.True((await client.ChangeAsync(HttpMethod.Delete, teamA[0], "handled")).IsSuccessStatusCode);
        foreach (var id in teamA.Skip(3).Take(4)) Assert.True((await client.ChangeAsync(HttpMethod.Post, id, "screened")).IsSuccessStatusCode);
        Assert.True((await client.ChangeAsync(HttpMethod.Post, teamA[10], "claim")).IsSuccessStatusCode);
        // Marking handled twice changes nothing.
        Assert.True((await client.ChangeAsync(HttpMethod.Post, teamA[1], "handled")).IsSuccessStatusCode);

        await AssertCountsMatchRepliesAsync(api, client, "team-a", expectedUnhandled: 8, expectedHandled: 4);
        await AssertCountsMatchRepliesAsync(api, client, "team-b", expectedUnhandled: 4, expectedHandled: 0);
    }

    [Fact]
    public async Task DeletingAndMovingRepliesKeepsTheCounts()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a", "team-b");
        for (var i = 0; i < 6; i++) await client.IngestAsync($"D-{i}", "team-a", Texts[i % Texts.Length]);

        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var ids = await db.Set<Reply>().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
            await db.Set<Reply>().Where(r => r.Id == ids[0] || r.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(r => r.Team, "team-b"));
            await db.Set<Reply>().Where(r => r.Id == ids[2]).ExecuteDeleteAsync();
        }

        await AssertCountsMatchRepliesAsync(api, client, "team-a", expectedUnhandled: 3, expectedHandled: 0);
        await AssertCountsMatchRepliesAsync(api, client, "team-b", expectedUnhandled: 2, expectedHandled: 0);
    }

    /// <summary>
    /// The page's totals (from the counts) equal the same totals counted over the replies: once through the API with a
    /// date window (which counts rows instead), once straight from the table.
    /// </summary>
    private static async Task AssertCountsMatchRepliesAsync(ApiFactory api, HttpClient client, string team, int expectedUnhandled, int expectedHandled)
    {
        foreach (var status in new[] { "unhandled", "handled", "all" })
        {
            var fromCounts = (JObject)(await (await client.GetAsync($"/api/v1/teams/{team}/replies?status={status}")).ReadJsonAsync())["totals"]!;
            var counted = (JObject)(await (await client.GetAsync(
                $"/api/v1/teams/{team}/replies?status={status}&receivedFrom=2000-01-01T00:00:00Z")).ReadJsonAsync())["totals"]!;
            Assert.Equal(counted.ToString(), fromCounts.ToString());

            using var scope = api.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var rows = db.Set<Reply>().Where(r => r.Team == team).WithStatus(status);
            Assert.Equal(await rows.CountAsync(), (int)fromCounts["all"]!);
            Assert.Equal(await rows.CountAsync(r => r.HasAccessToRecordsRequest), (int)fromCounts["accessToRecordsRequest"]!);
            Assert.Equal(await rows.CountAsync(r => r.HasComplaint), (int)fromCounts["complaint"]!);
            Assert.Equal(await rows.CountAsync(r => r.HasDeadlineExtensionRequest), (int)fromCounts["deadlineExtensionRequest"]!);
            Assert.Equal(await rows.CountAsync(r => r.ScreenedAt == null), (int)fromCounts["unscreened"]!);
            var expected = status switch { "unhandled" => expectedUnhandled, "handled" => expectedHandled, _ => expectedUnhandled + expectedHandled };
            Assert.Equal(expected, (int)fromCounts["all"]!);
        }
    }
}
