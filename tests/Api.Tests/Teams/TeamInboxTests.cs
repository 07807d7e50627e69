using System.Net;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Teams;

public class TeamInboxTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task InboxSortsByDueDateThenAgeAndPagesWithCursor(DatabaseKind kind)
    {
        using var api = new ApiFactory(kind);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var plainOld = await client.IngestAsync("D-1", "team-a", "Tak for brevet.", DateTimeOffset.Parse("2026-11-02T09:00:00Z"));
        var aktLate = await client.IngestAsync("D-2", "team-a", "Jeg vil have aktindsigt.", DateTimeOffset.Parse("2026-11-10T09:00:00Z"));
        var aktEarly = await client.IngestAsync("D-3", "team-a", "Aktindsigt tak.", DateTimeOffset.Parse("2026-11-05T09:00:00Z"));
        var plainNew = await client.IngestAsync("D-4", "team-a", "Hermed papirerne.", DateTimeOffset.Parse("2026-11-12T09:00:00Z"));

        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/teams/team-a/replies?limit=1{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync();
            ids.AddRange(page["items"]!.Select(i => (long)i["id"]!));
            Assert.Equal(4, (int)page["totals"]!["all"]!);
            Assert.Equal(2, (int)page["totals"]!["accessToRecordsRequest"]!);
            Assert.Equal(4.0, (double)page["screeningEstimateMinutes"]!);
            cursor = (string?)page["nextCursor"];
        } while (cursor is not null);

        Assert.Equal(new[] { aktEarly, aktLate, plainOld, plainNew }.Select(r => (long)r["id"]!), ids);
    }

    // The unfiltered list runs as precompiled queries (PlainInboxPage); any filter takes the general query. A date
    // window that holds every reply must page through exactly the same rows in the same order, cursor by cursor,
    // including replies that tie on due date and receipt time.
    [Theory]
    [InlineData(DatabaseKind.Sqlite, "unhandled")]
    [InlineData(DatabaseKind.Sqlite, "all")]
    [InlineData(DatabaseKind.Postgres, "unhandled")]
    [InlineData(DatabaseKind.Postgres, "all")]
    public async Task UnfilteredListPagesLikeTheFilteredQueryOverTheSameReplies(DatabaseKind kind, string status)
    {
        using var api = new ApiFactory(kind);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var sameTime = DateTimeOffset.Parse("2026-11-05T09:00:00Z");
        string[] texts = ["Jeg vil have aktindsigt.", "Tak for brevet.", "Aktindsigt tak.", "Hermed papirerne.", "Jeg klager over afgørelsen.", "Tak.", "Kan jeg få mere tid?"];
        for (var i = 0; i < texts.Length; i++)
            await client.IngestAsync($"D-{i}", "team-a", texts[i], i % 2 == 0 ? sameTime : sameTime.AddDays(i));

        async Task<List<long>> WalkAsync(string filter)
        {
            var ids = new List<long>();
            string? cursor = null;
            do
            {
                var page = await (await client.GetAsync(
                    $"/api/v1/teams/team-a/replies?status={status}&limit=2{filter}{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync();
                ids.AddRange(page["items"]!.Select(item => (long)item["id"]!));
                cursor = (string?)page["nextCursor"];
            } while (cursor is not null);
            return ids;
        }

        var plain = await WalkAsync("");
        Assert.Equal(texts.Length, plain.Distinct().Count());
        Assert.Equal(await WalkAsync("&receivedFrom=2000-01-01T00:00:00Z"), plain);
    }

    [Fact]
    public async Task FlagAndDateFiltersNarrowTheList()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await client.IngestAsync("D-1", "team-a", "Jeg klager over afgørelsen.", DateTimeOffset.Parse("2026-11-02T09:00:00Z"));
        await client.IngestAsync("D-2", "team-a", "Aktindsigt, tak.", DateTimeOffset.Parse("2026-11-10T09:00:00Z"));
        var complaints = await (await client.GetAsync("/api/v1/teams/team-a/replies?flag=Complaint")).ReadJsonAsync();
        Assert.Single(complaints["items"]!);
        var late = await (await client.GetAsync("/api/v1/teams/team-a/replies?receivedFrom=2026-11-05T00:00:00Z")).ReadJsonAsync();
        Assert.Equal("Aktindsigt, tak.", (string?)(await (await client.GetAsync($"/api/v1/replies/{late["items"]![0]!["id"]}")).ReadJsonAsync())["text"]);
        Assert.Single(late["items"]!);
        var bad = await client.GetAsync("/api/v1/teams/team-a/replies?flag=Nonsense&status=maybe");
        var problem = await bad.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull(problem["errors"]!["flag"]);
        Assert.NotNull(problem["errors"]!["status"]);
    }

    [Fact]
    public async Task YesterdayOnMondayIncludesTheWeekend()
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-11-23T08:00:00+01:00")); // Monday
        using var api = new ApiFactory().WithClock(clock);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await client.IngestAsync("thu", "team-a", "Torsdag", DateTimeOffset.Parse("2026-11-19T15:00:00+01:00"));
        await client.IngestAsync("fri", "team-a", "Fredag", DateTimeOffset.Parse("2026-11-20T00:30:00+01:00"));
        await client.IngestAsync("sun", "team-a", "Søndag", DateTimeOffset.Parse("2026-11-22T23:30:00+01:00"));
        await client.IngestAsync("mon", "team-a", "Mandag", DateTimeOffset.Parse("2026-11-23T07:00:00+01:00"));
        var page = await (await client.GetAsync("/api/v1/teams/team-a/replies?screening=yesterday")).ReadJsonAsync();
        Assert.Equal(2, ((JArray)page["items"]!).Count);
        Assert.Equal(DateTime.Parse("2026-11-19T23:00:00Z").ToUniversalTime(), ((DateTime)page["screeningWindow"]!["from"]!).ToUniversalTime());

        clock.Now = DateTimeOffset.Parse("2026-11-20T08:00:00+01:00"); // Friday: only Thursday
        var friday = await (await client.GetAsync("/api/v1/teams/team-a/replies?screening=yesterday")).ReadJsonAsync();
        Assert.Single(friday["items"]!);
    }

    [Fact]
    public async Task PendingScreeningListsEverythingNotYetScreenedPlusTodaysTicks()
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-11-20T08:00:00+01:00")); // Friday
        using var api = new ApiFactory().WithClock(clock);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var missed = (long)(await client.IngestAsync("old", "team-a", "Mandag", DateTimeOffset.Parse("2026-11-16T10:00:00+01:00")))["id"]!;
        var screenedWednesday = (long)(await client.IngestAsync("wed", "team-a", "Onsdag", DateTimeOffset.Parse("2026-11-18T10:00:00+01:00")))["id"]!;
        var screenedToday = (long)(await client.IngestAsync("thu", "team-a", "Torsdag", DateTimeOffset.Parse("2026-11-19T10:00:00+01:00")))["id"]!;
        clock.Now = DateTimeOffset.Parse("2026-11-19T08:00:00+01:00");
        await client.ChangeAsync(HttpMethod.Post, screenedWednesday, "screened");
        clock.Now = DateTimeOffset.Parse("2026-11-20T08:30:00+01:00");
        await client.ChangeAsync(HttpMethod.Post, screenedToday, "screened");

        var page = await (await client.GetAsync("/api/v1/teams/team-a/replies?screening=pending&status=all")).ReadJsonAsync();

        // The reply from Monday that nobody screened is still there (a day without screening loses nothing).
        Assert.Equal(new[] { missed, screenedToday }.Order(), page["items"]!.Select(i => (long)i["id"]!).Order());
    }

    [Fact]
    public async Task YesterdayAfterEasterReachesBackOverTheHolidays()
    {
        // Tuesday 7 April 2026: 2. påskedag, påskedag, the weekend, langfredag and skærtorsdag lie behind it,
        // so the previous working day is Wednesday 1 April.
        var clock = new TestClock(DateTimeOffset.Parse("2026-04-07T08:00:00+02:00"));
        using var api = new ApiFactory().WithClock(clock);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await client.IngestAsync("tue-before", "team-a", "Tirsdag", DateTimeOffset.Parse("2026-03-31T15:00:00+02:00"));
        await client.IngestAsync("wed", "team-a", "Onsdag", DateTimeOffset.Parse("2026-04-01T10:00:00+02:00"));
        await client.IngestAsync("good-friday", "team-a", "Langfredag", DateTimeOffset.Parse("2026-04-03T12:00:00+02:00"));
        await client.IngestAsync("easter-monday", "team-a", "2. påskedag", DateTimeOffset.Parse("2026-04-06T20:00:00+02:00"));

        var page = await (await client.GetAsync("/api/v1/teams/team-a/replies?screening=yesterday")).ReadJsonAsync();

        Assert.Equal(3, ((JArray)page["items"]!).Count);
        Assert.Equal(DateTime.Parse("2026-03-31T22:00:00Z").ToUniversalTime(), ((DateTime)page["screeningWindow"]!["from"]!).ToUniversalTime());
    }

    [Fact]
    public async Task NonMemberIsForbiddenAndUnknownTeamIsNotFound()
    {
        using var api = new ApiFactory().WithSetting("Teams:Known:0", "team-known");
        var member = api.CreateCaseworkerClient("cw-anna", "team-a", "team-known", "team-ghost");
        var reply = await member.IngestAsync("D-1", "team-a", "Aktindsigt", subject: "CPR 150466-1234");
        var outsider = api.CreateCaseworkerClient("cw-bo", "team-b");

        var inbox = await outsider.GetAsync("/api/v1/teams/team-a/replies");
        Assert.Equal(HttpStatusCode.Forbidden, inbox.StatusCode);
        Assert.DoesNotContain("Aktindsigt", await inbox.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/v1/replies/{reply["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsync($"/api/v1/replies/{reply["id"]}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/teams/team-ghost/replies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/teams/team-known/replies")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/replies/999999")).StatusCode);
    }

    [Fact]
    public async Task ListRowFlagsAreTheDetailFlagsWithoutEvidence()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var reply = await client.IngestAsync("D-1", "team-a", "Jeg klager over afgørelsen og vil have aktindsigt i sagen.",
            DateTimeOffset.Parse("2026-11-02T09:00:00Z"));
        var detail = await (await client.GetAsync($"/api/v1/replies/{reply["id"]}")).ReadJsonAsync();
        var row = (JObject)(await (await client.GetAsync("/api/v1/teams/team-a/replies")).ReadJsonAsync())["items"]![0]!;

        var expected = ((JArray)detail["flags"]!).Select(f => $"{f["kind"]}|{f["subKind"]}|{f["dueDate"]}").ToList();
        Assert.True(expected.Count >= 2, detail.ToString());
        Assert.Equal(expected, ((JArray)row["flags"]!).Select(f => $"{f["kind"]}|{f["subKind"]}|{f["dueDate"]}"));
        Assert.All((JArray)row["flags"]!, f => Assert.Null(f["evidence"]));
    }

    [Fact]
    public async Task ListMasksCprWhileDetailShowsIt()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await client.PostJsonReplyAsync(new { documentId = "D-1", team = "team-a", text = "Hej", sender = new { idType = "CPR", id = "1504661234" } });
        var page = await client.GetAsync("/api/v1/teams/team-a/replies");
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("150466-****", text);
        Assert.DoesNotContain("1504661234", text);
    }
}
