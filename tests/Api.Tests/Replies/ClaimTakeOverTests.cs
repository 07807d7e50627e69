using System.Net;
using System.Net.Http.Json;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Teams;

namespace SmartPost.Api.Tests.Replies;

/// <summary>A colleague is away with a reply claimed: the team lead or today's screener takes it over, with a reason.</summary>
public class ClaimTakeOverTests
{
    // Monday 23 November 2026: cw-anna is on holiday in the sample rota, so the first substitute cw-dora screens today.
    private static ApiFactory Api() => new ApiFactory().WithClock(new TestClock(DateTimeOffset.Parse("2026-11-23T08:14:00Z")));

    private static async Task<long> ClaimedByBoAsync(ApiFactory api)
    {
        (await RotaApiTests.Lead(api).PutAsJsonAsync("/api/v1/teams/team-a/rota", RotaApiTests.SampleRota)).EnsureSuccessStatusCode();
        var bo = api.CreateCaseworkerClient("cw-bo", "team-a");
        var id = (long)(await bo.IngestAsync("D-1", "team-a", "Jeg vil gerne have aktindsigt."))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await bo.ChangeAsync(HttpMethod.Post, id, "claim")).StatusCode);
        return id;
    }

    [Fact]
    public async Task TeamLeadTakesOverWithAReasonRecordedInTheHistory()
    {
        using var api = Api();
        var id = await ClaimedByBoAsync(api);
        var lead = RotaApiTests.Lead(api);

        var taken = await (await lead.ChangeAsync(HttpMethod.Post, id, "claim/takeover", new { reason = "Bo er syg" })).ReadJsonAsync();

        Assert.Equal("cw-lise", (string?)taken["claim"]!["by"]);
        var history = await (await lead.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        var last = history["items"]!.Last();
        Assert.Equal("ClaimTakenOver", (string?)last["kind"]);
        Assert.Equal("cw-lise", (string?)last["actor"]);
        Assert.Equal("Overtaget af cw-lise 23. november 2026 kl. 09.14 fra cw-bo, der havde taget svaret 23. november 2026 kl. 09.14. "
            + "Begrundelse: Bo er syg",
            (string?)last["detail"]);
        // Bo no longer holds it.
        var bo = api.CreateCaseworkerClient("cw-bo", "team-a");
        Assert.Equal(HttpStatusCode.Conflict, (await bo.ChangeAsync(HttpMethod.Post, id, "handled")).StatusCode);
    }

    [Fact]
    public async Task TodaysSubstituteMayTakeOverButAnotherMemberMayNot()
    {
        using var api = Api();
        var id = await ClaimedByBoAsync(api);
        var erik = api.CreateCaseworkerClient("cw-erik", "team-a");
        var dora = api.CreateCaseworkerClient("cw-dora", "team-a");

        var refused = await erik.ChangeAsync(HttpMethod.Post, id, "claim/takeover", new { reason = "Haster" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("postkassevagt", (string?)(await refused.ReadJsonAsync())["detail"]);

        var taken = await dora.ChangeAsync(HttpMethod.Post, id, "claim/takeover", new { reason = "Bo er på kursus" });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal("cw-dora", (string?)(await taken.ReadJsonAsync())["claim"]!["by"]);
    }

    [Fact]
    public async Task TakeOverNeedsAReason()
    {
        using var api = Api();
        var id = await ClaimedByBoAsync(api);

        var response = await RotaApiTests.Lead(api).ChangeAsync(HttpMethod.Post, id, "claim/takeover", new { reason = " " });
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Skriv hvorfor du overtager svaret.", (string?)problem["errors"]!["reason"]![0]);
    }

    [Fact]
    public async Task LeadOfAnotherTeamGetsTheFixedDanishRefusalAndNoIfMatchIs428()
    {
        using var api = Api();
        var id = await ClaimedByBoAsync(api);
        var etag = (await RotaApiTests.Lead(api).GetAsync($"/api/v1/replies/{id}")).Headers.ETag!.Tag;

        var otherLead = RotaApiTests.Lead(api, "team-b");
        var refused = await otherLead.ChangeAsync(HttpMethod.Post, id, "claim/takeover", etag, new { reason = "Haster" });
        var withoutVersion = await RotaApiTests.Lead(api).ChangeAsync(HttpMethod.Post, id, "claim/takeover", ifMatch: null, new { reason = "Haster" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Kun teamets sagsbehandlere har adgang.", (string?)(await refused.ReadJsonAsync())["detail"]);
        Assert.Equal((HttpStatusCode)428, withoutVersion.StatusCode);
        Assert.StartsWith("Ændringen skal sendes med svarets version", (string?)(await withoutVersion.ReadJsonAsync())["detail"]);
        // Neither changed anything: Bo still holds the reply.
        var reply = await (await api.CreateCaseworkerClient("cw-bo", "team-a").GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync();
        Assert.Equal("cw-bo", (string?)reply["claim"]!["by"]);
    }
}
