using System.Net;
using System.Net.Http.Json;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Teams;

/// <summary>GET /api/v1/teams/{team}/screener in Development: only the rota's absences count (no Graph).</summary>
public class RotaScreenerTests
{
    private static async Task<JObject> ScreenerAsync(ApiFactory api, string query = "")
    {
        await RotaApiTests.Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", RotaApiTests.SampleRota);
        var response = await api.CreateCaseworkerClient("cw-bo", "team-a").GetAsync($"/api/v1/teams/team-a/screener{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ScheduledPersonScreensOnTheirWeekday()
    {
        using var api = new ApiFactory();
        var screener = await ScreenerAsync(api, "?date=2026-12-01"); // a Tuesday

        Assert.Equal("cw-bo", (string?)screener["responsible"]);
        Assert.False((bool)screener["isSubstitute"]!);
        Assert.Empty(screener["skipped"]!);
    }

    [Fact]
    public async Task AbsentPersonIsSkippedAndTheFirstSubstituteSaysWhy()
    {
        using var api = new ApiFactory();
        var screener = await ScreenerAsync(api, "?date=2026-11-25"); // Wednesday, cw-anna on holiday 23–27 Nov

        Assert.Equal("cw-anna", (string?)screener["scheduled"]);
        Assert.Equal("cw-dora", (string?)screener["responsible"]);
        Assert.True((bool)screener["isSubstitute"]!);
        Assert.Equal("AbsentInRota", (string?)screener["skipped"]![0]!["reason"]);
        Assert.Contains("cw-anna", (string?)screener["reason"]);
        Assert.Contains("Ferie", (string?)screener["reason"]);
        Assert.False((bool)screener["outOfOfficeChecked"]!);
    }

    [Fact]
    public async Task AbsenceEndsOnItsLastDayInclusive()
    {
        using var api = new ApiFactory();
        Assert.Equal("cw-dora", (string?)(await ScreenerAsync(api, "?date=2026-11-23"))["responsible"]); // Monday, first day
    }

    [Fact]
    public async Task WeekendWithoutAssignmentGoesToTheFirstSubstitute()
    {
        using var api = new ApiFactory();
        var screener = await ScreenerAsync(api, "?date=2026-11-28"); // Saturday

        Assert.Null((string?)screener["scheduled"]);
        Assert.Equal("cw-dora", (string?)screener["responsible"]);
        Assert.Contains("ingen har vagten", (string?)screener["reason"]);
    }

    [Fact]
    public async Task WhenEveryoneIsAbsentNobodyIsNamedAndTheLeadIsAskedToAssign()
    {
        using var api = new ApiFactory();
        await RotaApiTests.Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", new
        {
            weekdays = new[] { new { weekday = "Monday", person = "cw-anna" } },
            substitutes = new[] { "cw-dora" },
            absences = new[] { new { person = "cw-anna", from = "2026-11-30", to = "2026-11-30" }, new { person = "cw-dora", from = "2026-11-01", to = "2026-12-31" } },
        });
        var screener = JObject.Parse(await (await api.CreateCaseworkerClient("cw-bo", "team-a").GetAsync("/api/v1/teams/team-a/screener?date=2026-11-30")).Content.ReadAsStringAsync());

        Assert.Null((string?)screener["responsible"]);
        Assert.Equal(2, screener["skipped"]!.Count());
        Assert.Contains("teamlederen", (string?)screener["reason"]);
    }

    [Fact]
    public async Task WithoutDateTheScreenerIsForTodayInDenmark()
    {
        // 23:30 UTC on Sunday 29 Nov is already Monday 30 Nov in Copenhagen: cw-anna (no absence then).
        using var api = new ApiFactory().WithClock(new Identity.ManualClock(new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero)));
        var screener = await ScreenerAsync(api);

        Assert.Equal("2026-11-30", (string?)screener["date"]);
        Assert.Equal("cw-anna", (string?)screener["responsible"]);
    }

    [Fact]
    public async Task NonMemberCannotSeeTheScreener()
    {
        using var api = new ApiFactory();
        await RotaApiTests.Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", RotaApiTests.SampleRota);
        var response = await api.CreateCaseworkerClient("cw-zed", "team-b").GetAsync("/api/v1/teams/team-a/screener?date=2026-11-25");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("cw-", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MalformedDateIsRejectedNamingTheField()
    {
        using var api = new ApiFactory();
        var response = await api.CreateCaseworkerClient("cw-bo", "team-a").GetAsync("/api/v1/teams/team-a/screener?date=2026-13-45");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("date", ((JObject)JObject.Parse(await response.Content.ReadAsStringAsync())["errors"]!).Properties().Select(p => p.Name));
    }
}
