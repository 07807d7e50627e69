using System.Net;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Teams;

/// <summary>GET /api/v1/teams/{team}/statistics: numbers for the team lead, nothing for anyone else.</summary>
public class TeamStatisticsTests
{
    private const string Period = "/api/v1/teams/team-a/statistics?from=2026-11-01&to=2026-11-25";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task TeamLeadSeesCountsOverdueMedianAndScreeningMinutesPerDanishDay(DatabaseKind kind)
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-11-20T09:00:00Z"));
        using var api = new ApiFactory(kind).WithClock(clock);
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a", "team-b");
        // 23:30 on 31 October in Copenhagen: before the period. 00:30 on 1 November: inside it.
        await anna.IngestAsync("before", "team-a", "Tak.", DateTimeOffset.Parse("2026-10-31T22:30:00Z"));
        await anna.IngestAsync("first-day", "team-a", "Tak.", DateTimeOffset.Parse("2026-10-31T23:30:00Z"));
        var akt = await anna.IngestAsync("akt", "team-a", "Jeg vil have aktindsigt i min sag.", DateTimeOffset.Parse("2026-11-02T09:00:00Z"));
        var klage = await anna.IngestAsync("klage", "team-a", "Jeg klager over afgørelsen.", DateTimeOffset.Parse("2026-11-20T03:00:00Z"));
        var plain = await anna.IngestAsync("plain", "team-a", "Hermed papirerne.", DateTimeOffset.Parse("2026-11-20T05:00:00Z"));
        await anna.IngestAsync("other-team", "team-b", "Aktindsigt tak.", DateTimeOffset.Parse("2026-11-10T09:00:00Z"));
        Assert.True(DateOnly.Parse((string)akt["dueDate"]!) < new DateOnly(2026, 11, 25), akt.ToString());

        clock.Now = DateTimeOffset.Parse("2026-11-20T09:00:00Z"); // klage handled after 6 h, plain after 4 h
        (await anna.ChangeAsync(HttpMethod.Post, (long)klage["id"]!, "handled")).EnsureSuccessStatusCode();
        (await anna.ChangeAsync(HttpMethod.Post, (long)plain["id"]!, "handled")).EnsureSuccessStatusCode();
        clock.Now = DateTimeOffset.Parse("2026-11-25T10:00:00Z");

        var response = await RotaApiTests.Lead(api).GetAsync(Period);
        var stats = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, (int)stats["received"]!);
        Assert.Equal(2, (int)stats["handled"]!);
        Assert.Equal(2, (int)stats["unhandled"]!);
        Assert.Equal(1, (int)stats["perFlag"]!["accessToRecordsRequest"]!);
        Assert.Equal(1, (int)stats["perFlag"]!["complaint"]!);
        Assert.Equal(0, (int)stats["perFlag"]!["deadlineExtensionRequest"]!);
        Assert.Equal(1, (int)stats["overdue"]!);
        Assert.Equal(5.0, (double)stats["medianHandlingHours"]!);
        var days = (JArray)stats["screeningMinutesPerDay"]!;
        Assert.Equal(25, days.Count);
        Assert.Equal(1.0, (double)days.Single(d => (string?)d["date"] == "2026-11-01")["minutes"]!);
        Assert.Equal(2.0, (double)days.Single(d => (string?)d["date"] == "2026-11-20")["minutes"]!);
        Assert.Equal(0.0, (double)days.Single(d => (string?)d["date"] == "2026-11-10")["minutes"]!);
        Assert.Equal(4.0, (double)stats["screeningMinutesTotal"]!);
        // klage after 6 h and plain after exactly 4 h: both "4 to 24 hours" (a bound belongs to the next bucket).
        var buckets = (JArray)stats["handlingTimes"]!;
        Assert.Equal([4.0, 24.0, 48.0, 120.0, null], buckets.Select(b => (double?)b["upToHours"]));
        Assert.Equal([0, 2, 0, 0, 0], buckets.Select(b => (int)b["count"]!));
    }

    [Fact]
    public async Task MemberWhoIsNotLeadIsForbidden()
    {
        using var api = new ApiFactory();
        var member = api.CreateCaseworkerClient("cw-anna", "team-a");
        await member.IngestAsync("D-1", "team-a", "Aktindsigt tak.");

        var response = await member.GetAsync(Period);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("received", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LeadOfAnotherTeamIsForbidden()
    {
        using var api = new ApiFactory();
        await api.CreateCaseworkerClient("cw-anna", "team-a").IngestAsync("D-1", "team-a", "Aktindsigt tak.");

        var response = await RotaApiTests.Lead(api, "team-b").GetAsync(Period);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PeriodEndingBeforeItStartsIsRejectedNamingTheField()
    {
        using var api = new ApiFactory();

        var response = await RotaApiTests.Lead(api).GetAsync("/api/v1/teams/team-a/statistics?from=2026-11-25&to=2026-11-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JObject.Parse(await response.Content.ReadAsStringAsync())["errors"]!["from"]);
    }
}
