using System.Net;
using System.Net.Http.Json;
using Microsoft.Graph.Models;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Identity;
using SmartPost.Api.Tests.Teams;

namespace SmartPost.Api.Tests.Identity;

/// <summary>The screener in Production: automatic replies read from Graph (real HTTP) on behalf of the caller.</summary>
public sealed class GraphScreenerTests : IAsyncLifetime
{
    private FakeMicrosoftCloud _cloud = null!;

    public async Task InitializeAsync()
    {
        _cloud = await FakeMicrosoftCloud.StartAsync();
        _cloud.GroupsByUser["oid-lise"] = [EntraTestApi.GroupA];
        _cloud.GroupsByUser["oid-bo"] = [EntraTestApi.GroupA];
        _cloud.GroupsByUser["oid-zed"] = [EntraTestApi.GroupB];
    }

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    private async Task<(HttpStatusCode Status, JObject Body)> ScreenerAsync(string date, string caller = "oid-bo")
    {
        using var api = EntraTestApi.Create(_cloud);
        var lead = api.CreateBearerClient(_cloud.CreateToken("oid-lise", roles: [RotaApiTests.TeamLead]));
        var put = await lead.PutAsJsonAsync("/api/v1/teams/team-a/rota", RotaApiTests.SampleRota);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var response = await api.CreateBearerClient(_cloud.CreateToken(caller)).GetAsync($"/api/v1/teams/team-a/screener?date={date}");
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task PersonWithAutomaticRepliesAlwaysOnIsSkipped()
    {
        _cloud.AutomaticReplies["cw-bo"] = """{"status":"alwaysEnabled","externalAudience":"all","internalReplyMessage":"Syg"}""";
        var (status, screener) = await ScreenerAsync("2026-12-01"); // Tuesday: cw-bo

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cw-dora", (string?)screener["responsible"]);
        Assert.Equal("AutomaticRepliesOn", (string?)screener["skipped"]![0]!["reason"]);
        Assert.True((bool)screener["outOfOfficeChecked"]!);
        Assert.Contains(_cloud.Requests, r => r.StartsWith("GET /v1.0/users/cw-bo/mailboxSettings"));
    }

    [Fact]
    public async Task ScheduledAutomaticRepliesCoveringTheDateSkipThePerson()
    {
        _cloud.AutomaticReplies["cw-bo"] = """
            {"status":"scheduled","externalAudience":"none",
             "scheduledStartDateTime":{"dateTime":"2026-11-30T16:00:00.0000000","timeZone":"UTC"},
             "scheduledEndDateTime":{"dateTime":"2026-12-02T07:00:00.0000000","timeZone":"UTC"}}
            """;
        var (_, screener) = await ScreenerAsync("2026-12-01");
        Assert.Equal("cw-dora", (string?)screener["responsible"]);
        Assert.Contains("Planlagt autosvar 30. november 2026 kl. 17.00–2. december 2026 kl. 08.00", (string?)screener["reason"]);
    }

    [Fact]
    public async Task ScheduledAutomaticRepliesOutsideTheDateDoNotSkip()
    {
        _cloud.AutomaticReplies["cw-bo"] = """
            {"status":"scheduled","externalAudience":"none",
             "scheduledStartDateTime":{"dateTime":"2026-12-02T08:00:00.0000000","timeZone":"Romance Standard Time"},
             "scheduledEndDateTime":{"dateTime":"2026-12-05T08:00:00.0000000","timeZone":"Romance Standard Time"}}
            """;
        var (_, screener) = await ScreenerAsync("2026-12-01");
        Assert.Equal("cw-bo", (string?)screener["responsible"]);
        Assert.False((bool)screener["isSubstitute"]!);
    }

    [Fact]
    public async Task WhenGraphCannotReadAutomaticRepliesTheScheduledPersonStaysAndTheAnswerWarns()
    {
        _cloud.MailboxSettingsDownStatus = 500;
        var (status, screener) = await ScreenerAsync("2026-12-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cw-bo", (string?)screener["responsible"]);
        Assert.Contains("cw-bo", (string?)screener["warnings"]![0]);
    }

    [Fact]
    public async Task NonMemberGetsForbiddenFromTheScreener()
    {
        var (status, body) = await ScreenerAsync("2026-12-01", caller: "oid-zed");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("cw-", body.ToString());
    }

    [Fact]
    public async Task MemberWithoutTeamLeadRoleCannotChangeTheRota()
    {
        using var api = EntraTestApi.Create(_cloud);
        var response = await api.CreateBearerClient(_cloud.CreateToken("oid-bo")).PutAsJsonAsync("/api/v1/teams/team-a/rota", RotaApiTests.SampleRota);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("disabled", "2026-12-01", OutOfOfficeStatus.Off)]
    [InlineData("alwaysEnabled", "2026-12-01", OutOfOfficeStatus.On)]
    [InlineData("scheduled", "2026-12-01", OutOfOfficeStatus.On)]  // 22:00–22:50 UTC is 23:00–23:50 on 1 Dec in Copenhagen
    [InlineData("scheduled", "2026-12-02", OutOfOfficeStatus.Off)]
    public void AutomaticRepliesAreJudgedOnTheDanishDay(string status, string date, OutOfOfficeStatus expected)
    {
        var setting = new AutomaticRepliesSetting
        {
            Status = Enum.Parse<AutomaticRepliesStatus>(status, ignoreCase: true),
            ScheduledStartDateTime = new DateTimeTimeZone { DateTime = "2026-12-01T22:00:00.0000000", TimeZone = "UTC" },
            ScheduledEndDateTime = new DateTimeTimeZone { DateTime = "2026-12-01T22:50:00.0000000", TimeZone = "UTC" },
        };
        Assert.Equal(expected, GraphOutOfOfficeLookup.Evaluate(setting, DateOnly.Parse(date)).Status);
    }
}
