using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Teams;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Teams;

/// <summary>GET/PUT /api/v1/teams/{team}/rota with members, non-members and team leads (Development identity).</summary>
public class RotaApiTests
{
    internal const string TeamLead = "SmartPost.TeamLead";

    internal static object SampleRota => new
    {
        weekdays = new object[]
        {
            new { weekday = "Monday", person = "cw-anna" }, new { weekday = "Tuesday", person = "cw-bo" },
            new { weekday = "Wednesday", person = "cw-anna" }, new { weekday = "Thursday", person = "cw-bo" },
            new { weekday = "Friday", person = "cw-carl" },
        },
        substitutes = new[] { "cw-dora", "cw-erik" },
        absences = new object[] { new { person = "cw-anna", from = "2026-11-23", to = "2026-11-27", reason = "Ferie" } },
    };

    internal static HttpClient Lead(ApiFactory api, string team = "team-a")
    {
        var client = api.CreateCaseworkerClient("cw-lise", team);
        client.DefaultRequestHeaders.Add("X-Dev-Roles", TeamLead);
        return client;
    }

    [Fact]
    public async Task TeamLeadStoresRotaAndMemberReadsIt()
    {
        using var api = new ApiFactory();
        var put = await Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", SampleRota);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var get = await api.CreateCaseworkerClient("cw-bo", "team-a").GetAsync("/api/v1/teams/team-a/rota");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var rota = JObject.Parse(await get.Content.ReadAsStringAsync());
        Assert.Equal("cw-carl", (string?)rota["weekdays"]!.Single(w => (string?)w["weekday"] == "Friday")["person"]);
        Assert.Equal(["cw-dora", "cw-erik"], rota["substitutes"]!.Values<string>());
        Assert.Equal("2026-11-27", (string?)rota["absences"]![0]!["to"]);
        Assert.Equal("cw-lise", (string?)rota["updatedBy"]);
    }

    [Fact]
    public async Task PutReplacesThePreviousRota()
    {
        using var api = new ApiFactory();
        await Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", SampleRota);
        var second = await Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota",
            new { weekdays = new[] { new { weekday = "Monday", person = "cw-erik" } }, substitutes = new[] { "cw-anna" } });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        await using var db = api.CreateDbContext();
        Assert.Equal("cw-erik", (await db.Set<RotaWeekday>().SingleAsync()).Person);
        Assert.Equal("cw-anna", (await db.Set<RotaSubstitute>().SingleAsync()).Person);
        Assert.Empty(await db.Set<RotaAbsence>().ToListAsync());
    }

    [Fact]
    public async Task MemberWhoIsNotTeamLeadCannotChangeTheRota()
    {
        using var api = new ApiFactory();
        var response = await api.CreateCaseworkerClient("cw-bo", "team-a").PutAsJsonAsync("/api/v1/teams/team-a/rota", SampleRota);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = api.CreateDbContext();
        Assert.Empty(await db.Set<TeamRota>().ToListAsync());
    }

    [Fact]
    public async Task TeamLeadOfAnotherTeamCannotChangeTheRota()
    {
        using var api = new ApiFactory();
        var response = await Lead(api, "team-b").PutAsJsonAsync("/api/v1/teams/team-a/rota", SampleRota);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task NonMemberCannotReadTheRotaAndLearnsNothingAboutIt()
    {
        using var api = new ApiFactory();
        await Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", SampleRota);

        var response = await api.CreateCaseworkerClient("cw-zed", "team-b").GetAsync("/api/v1/teams/team-a/rota");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("cw-anna", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TeamWithoutRotaIsNotFound()
    {
        using var api = new ApiFactory();
        var response = await api.CreateCaseworkerClient("cw-bo", "team-a").GetAsync("/api/v1/teams/team-a/rota");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"weekdays":[{"weekday":"Funday","person":"cw-anna"}],"substitutes":[]}""", "weekday")]
    [InlineData("""{"weekdays":[{"weekday":"Monday","person":""}],"substitutes":[]}""", "Person")]
    [InlineData("""{"weekdays":[{"weekday":"Monday","person":"a"},{"weekday":"Monday","person":"b"}],"substitutes":[]}""", "weekdays")]
    [InlineData("""{"weekdays":[],"substitutes":["cw-dora","cw-dora"]}""", "substitutes[1]")]
    [InlineData("""{"weekdays":[],"substitutes":[],"absences":[{"person":"cw-anna","from":"2026-11-27","to":"2026-11-23"}]}""", "absences[0].to")]
    [InlineData("""{"weekdays":[],"substitutes":[],"absences":[{"person":"cw-anna","from":"27-11-2026","to":"2026-11-23"}]}""", "from")]
    [InlineData("""{"substitutes":[]}""", "Weekdays")]
    public async Task InvalidRotaIsRejectedNamingTheFieldAndNothingIsStored(string body, string field)
    {
        using var api = new ApiFactory();
        var response = await Lead(api).PutAsync("/api/v1/teams/team-a/rota", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        var fields = ((JObject)problem["errors"]!).Properties().Select(p => p.Name).ToList();
        Assert.Contains(fields, f => f.Contains(field, StringComparison.OrdinalIgnoreCase));
        await using var db = api.CreateDbContext();
        Assert.Empty(await db.Set<TeamRota>().ToListAsync());
    }

    [Fact]
    public async Task RotaRoundTripsOnPostgres()
    {
        using var api = new ApiFactory(DatabaseKind.Postgres);
        Assert.Equal(HttpStatusCode.OK, (await Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", SampleRota)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", SampleRota)).StatusCode);

        var rota = JObject.Parse(await (await api.CreateCaseworkerClient("cw-bo", "team-a").GetAsync("/api/v1/teams/team-a/rota")).Content.ReadAsStringAsync());
        Assert.Equal(5, rota["weekdays"]!.Count());
        Assert.Equal("2026-11-23", (string?)rota["absences"]![0]!["from"]);
    }
}
