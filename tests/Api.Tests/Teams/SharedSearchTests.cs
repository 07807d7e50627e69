using System.Net;
using System.Net.Http.Json;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Teams;

public class SharedSearchTests
{
    [Fact]
    public async Task SharedSearchCrudAndRunMatchesTermsAndSpellingVariants()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await client.IngestAsync("D-1", "team-a", "Jeg har fået en ny lægeerklæring.");
        await client.IngestAsync("D-2", "team-a", "Her er min laegeerklaering fra i går.");
        await client.IngestAsync("D-3", "team-a", "Jeg har flyttet adresse.");

        var created = await client.PostAsJsonAsync("/api/v1/teams/team-a/searches", new
        {
            name = "Lægeerklæringer", terms = new[] { new { term = "lægeerklæring", variants = new[] { "lægeattest" } } },
            responsible = "cw-anna", substitute = "cw-bo",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)(await created.ReadJsonAsync())["id"]!;

        var results = await (await client.PostAsync($"/api/v1/teams/team-a/searches/{id}/results", null)).ReadJsonAsync();
        Assert.Equal(2, (int)results["total"]!);
        Assert.Equal("cw-bo", (string?)results["search"]!["substitute"]);

        var updated = await client.PutAsJsonAsync($"/api/v1/teams/team-a/searches/{id}", new
        {
            name = "Flytninger", terms = new[] { new { term = "flytning", variants = new[] { "flyttet*" } } },
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var rerun = await (await client.GetAsync($"/api/v1/teams/team-a/searches/{id}/results")).ReadJsonAsync();
        Assert.Equal(1, (int)rerun["total"]!);
        Assert.Single((await (await client.GetAsync("/api/v1/teams/team-a/searches")).ReadJsonAsync())["items"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/teams/team-a/searches/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/teams/team-a/searches/{id}")).StatusCode);
    }

    [Fact]
    public async Task SearchWithoutTermsOrByNonMemberIsRefused()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await client.IngestAsync("D-1", "team-a", "Hej");
        var bad = await client.PostAsJsonAsync("/api/v1/teams/team-a/searches", new { name = "Tom", terms = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var outsider = api.CreateCaseworkerClient("cw-bo", "team-b");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("/api/v1/teams/team-a/searches")).StatusCode);
    }
}
