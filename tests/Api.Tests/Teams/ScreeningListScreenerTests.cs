using System.Net.Http.Json;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Teams;

/// <summary>Issue 5: the daily screening list shows who screens today, and the substitute when one stands in.</summary>
public class ScreeningListScreenerTests
{
    [Fact]
    public async Task ScreeningListNamesTheSubstituteAndWhyWhenTheScheduledPersonIsAbsent()
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-11-23T08:00:00+01:00")); // Monday; cw-anna on holiday
        using var api = new ApiFactory().WithClock(clock);
        (await RotaApiTests.Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", RotaApiTests.SampleRota)).EnsureSuccessStatusCode();
        var client = api.CreateCaseworkerClient("cw-bo", "team-a");
        await client.IngestAsync("fri", "team-a", "Fredag", DateTimeOffset.Parse("2026-11-20T10:00:00+01:00"));

        var page = await (await client.GetAsync("/api/v1/teams/team-a/replies?screening=yesterday")).ReadJsonAsync();

        var screener = (JObject)page["screener"]!;
        Assert.Equal("cw-dora", (string?)screener["person"]);
        Assert.True((bool)screener["isSubstitute"]!);
        Assert.Equal("cw-anna", (string?)screener["scheduled"]);
        Assert.Contains("Ferie", (string?)screener["because"]);
        Assert.Contains("cw-dora", (string?)screener["reason"]);
        Assert.Single(page["items"]!);
    }

    [Fact]
    public async Task ScreeningListNamesTheScheduledPersonOnAnOrdinaryDay()
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-12-01T08:00:00+01:00")); // Tuesday: cw-bo
        using var api = new ApiFactory().WithClock(clock);
        (await RotaApiTests.Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", RotaApiTests.SampleRota)).EnsureSuccessStatusCode();

        var page = await (await api.CreateCaseworkerClient("cw-anna", "team-a")
            .GetAsync("/api/v1/teams/team-a/replies?screening=yesterday")).ReadJsonAsync();

        Assert.Equal("cw-bo", (string?)page["screener"]!["person"]);
        Assert.False((bool)page["screener"]!["isSubstitute"]!);
        Assert.Equal(JTokenType.Null, page["screener"]!["because"]!.Type);
    }

    [Fact]
    public async Task ScreenerIsNullWithoutRotaAndOutsideTheScreeningList()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await client.IngestAsync("D-1", "team-a", "Hej");

        var noRota = await (await client.GetAsync("/api/v1/teams/team-a/replies?screening=yesterday")).ReadJsonAsync();
        (await RotaApiTests.Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", RotaApiTests.SampleRota)).EnsureSuccessStatusCode();
        var plainInbox = await (await client.GetAsync("/api/v1/teams/team-a/replies")).ReadJsonAsync();

        Assert.Equal(JTokenType.Null, noRota["screener"]!.Type);
        Assert.Equal(JTokenType.Null, plainInbox["screener"]!.Type);
    }
}
