using System.Net;
using System.Text;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>The problems the framework writes itself (no login, not JSON, a controller's validation) are Danish too.</summary>
public class DanishStatusProblemTests
{
    [Fact]
    public async Task NoLoginIs401InDanishSayingHowToLogInInDevelopment()
    {
        using var api = new ApiFactory();

        var response = await api.CreateClient().GetAsync("/api/v1/me");
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Ikke logget ind", (string?)problem["title"]);
        Assert.StartsWith("Send udviklingsidentiteten med forespørgslen: X-Dev-User", (string?)problem["detail"]);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415InDanish()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");

        var response = await client.PostAsync("/api/v1/reply-options/suggest", new StringContent("hej", Encoding.UTF8, "text/plain"));
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Ukendt indholdstype", (string?)problem["title"]);
        Assert.Contains("application/json", (string?)problem["detail"]);
    }

    [Fact]
    public async Task AControllersOwnValidationProblemHasTheDanishTitleAndKeepsItsFieldText()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await client.IngestAsync("D-1", "team-a", "Hej"); // a team with replies is a known team

        var response = await client.GetAsync("/api/v1/teams/team-a/replies?status=foo");
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ugyldig forespørgsel", (string?)problem["title"]);
        Assert.Equal("Brug unhandled, handled eller all.", (string?)problem["errors"]!["status"]![0]);
    }

    [Fact]
    public async Task TitlesAFeatureWroteStayAsTheyAre()
    {
        using var api = new ApiFactory();
        var outsider = api.CreateCaseworkerClient("cw-x", "team-b");
        var id = (long)(await api.CreateCaseworkerClient("cw-anna", "team-a").IngestAsync("D-1", "team-a", "Hej"))["id"]!;

        var problem = await (await outsider.GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync();

        Assert.Equal("Ingen adgang", (string?)problem["title"]);
        Assert.Equal("Kun teamets sagsbehandlere har adgang.", (string?)problem["detail"]);
    }
}
