using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Authorization;

/// <summary>
/// Issue 5: every reply, inbox, search, claim, screened, handled and history endpoint, and the dispatch reads, answer
/// a member of the owning team and refuse everyone else with 403 — without a word about the reply, and without
/// changing anything.
/// </summary>
public class TeamScopedEndpointTests
{
    private const string SearchBody = """{ "name": "Klager", "terms": [ { "term": "klage", "variants": [] } ] }""";

    public static TheoryData<string, string, string?, HttpStatusCode> Endpoints => new()
    {
        { "GET", "/api/v1/replies/{reply}", null, HttpStatusCode.OK },
        { "GET", "/api/v1/replies/{reply}/history", null, HttpStatusCode.OK },
        { "GET", "/api/v1/replies?documentId={document}", null, HttpStatusCode.OK },
        { "POST", "/api/v1/replies/{reply}/screened", null, HttpStatusCode.OK },
        { "POST", "/api/v1/replies/{reply}/claim", null, HttpStatusCode.OK },
        { "DELETE", "/api/v1/replies/{reply}/claim", null, HttpStatusCode.OK },
        { "POST", "/api/v1/replies/{reply}/handled", null, HttpStatusCode.OK },
        { "DELETE", "/api/v1/replies/{reply}/handled", null, HttpStatusCode.OK },
        { "GET", "/api/v1/teams/team-a/replies", null, HttpStatusCode.OK },
        { "GET", "/api/v1/teams/team-a/replies?screening=yesterday", null, HttpStatusCode.OK },
        { "GET", "/api/v1/teams/team-a/searches", null, HttpStatusCode.OK },
        { "POST", "/api/v1/teams/team-a/searches", SearchBody, HttpStatusCode.Created },
        { "GET", "/api/v1/teams/team-a/searches/{search}", null, HttpStatusCode.OK },
        { "PUT", "/api/v1/teams/team-a/searches/{search}", SearchBody, HttpStatusCode.OK },
        { "DELETE", "/api/v1/teams/team-a/searches/{search}", null, HttpStatusCode.NoContent },
        { "GET", "/api/v1/teams/team-a/searches/{search}/results", null, HttpStatusCode.OK },
        { "POST", "/api/v1/teams/team-a/searches/{search}/results", null, HttpStatusCode.OK },
        { "GET", "/api/v1/teams/team-a/rota", null, HttpStatusCode.OK },
        { "GET", "/api/v1/teams/team-a/screener", null, HttpStatusCode.OK },
        { "GET", "/api/v1/dispatches/{dispatch}", null, HttpStatusCode.OK },
        { "GET", "/api/v1/dispatches/{dispatch}/audit", null, HttpStatusCode.OK },
        { "GET", "/api/v1/dispatches?documentId={letter}", null, HttpStatusCode.OK },
        { "GET", "/api/v1/documents/{letter}/dispatches", null, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task NonMemberIsForbiddenWithNothingLeakedAndNothingChanged(string method, string path, string? body, HttpStatusCode _)
    {
        using var world = await TeamScopeFixture.CreateAsync();
        var before = await StateAsync(world);

        var response = await world.Outsider.SendAsync(Request(method, world.Path(path), body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var secret in new[] { TeamScopeFixture.Subject, TeamScopeFixture.CaseNumber, "aktindsigt", "150466", "Krogh", "FST-2026-01234" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(before, await StateAsync(world));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task MemberOfTheOwningTeamSucceeds(string method, string path, string? body, HttpStatusCode expected)
    {
        using var world = await TeamScopeFixture.CreateAsync();

        var response = await world.Member.SendAsync(Request(method, world.Path(path), body));

        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task ForbiddenTextIsTheSameForEveryReplyOfAnotherTeam()
    {
        using var world = await TeamScopeFixture.CreateAsync();
        var other = await world.Member.IngestAsync("D-AUTH-2", "team-a", "Tak for brevet.", subject: "Andet emne");

        var first = await (await world.Outsider.GetAsync($"/api/v1/replies/{world.ReplyId}")).ReadJsonAsync();
        var second = await (await world.Outsider.GetAsync($"/api/v1/replies/{other["id"]}")).ReadJsonAsync();

        Assert.Equal((string?)first["detail"], (string?)second["detail"]);
        Assert.Equal((string?)first["title"], (string?)second["title"]);
    }

    /// <summary>What a change would show: the reply's ETag, its history length and the team's searches.</summary>
    private static async Task<string> StateAsync(TeamScopeFixture world)
    {
        var reply = await world.Member.GetAsync($"/api/v1/replies/{world.ReplyId}");
        var history = await (await world.Member.GetAsync($"/api/v1/replies/{world.ReplyId}/history")).ReadJsonAsync();
        var searches = await (await world.Member.GetAsync("/api/v1/teams/team-a/searches")).ReadJsonAsync();
        return $"{reply.Headers.ETag} {((JArray)history["items"]!).Count} {searches["items"]}";
    }

    private static HttpRequestMessage Request(string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        // Reply state changes need If-Match (428 without); "*" = whatever version is current.
        if (method is "POST" or "DELETE" && path.StartsWith("/api/v1/replies/")) request.Headers.TryAddWithoutValidation("If-Match", "*");
        return request;
    }
}
