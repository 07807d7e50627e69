using System.Net;
using System.Text;
using SmartPost.Api.Tests.Dispatch;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>
/// The request examples Swagger shows are the ones a caseworker will try first: each is taken from the served
/// swagger.json and sent to its endpoint, and must be accepted (an example that gives 400 is worse than none).
/// </summary>
public class SwaggerExampleTests
{
    // The examples are dated November 2026 (reply deadline 2026-12-15): run the app then.
    private static readonly DateTimeOffset ExampleDay = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("/api/v1/reply-options/suggest", "application/json", HttpStatusCode.OK)]
    [InlineData("/api/v1/dispatches", "application/json", HttpStatusCode.Created)]
    [InlineData("/api/v1/screening/analyze", "application/json", HttpStatusCode.OK)]
    [InlineData("/api/v1/replies", "application/json", HttpStatusCode.Created)]
    [InlineData("/api/v1/replies", "application/xml", HttpStatusCode.Created)]
    [InlineData("/api/v1/recipients/digital-post-register/import", "text/csv", HttpStatusCode.OK)]
    [InlineData("/api/v1/teams/team-helbred/searches", "application/json", HttpStatusCode.Created)]
    public async Task DocumentedRequestExampleIsAccepted(string path, string contentType, HttpStatusCode expected)
    {
        var doc = await SwaggerDocumentTests.LoadAsync();
        var template = ((JObject)doc["paths"]!).Properties()
            .Single(p => p.Name.Replace("{team}", "team-helbred") == path).Value;
        var body = Example(doc, (JObject)template["post"]!["requestBody"]!["content"]![contentType]!);
        using var api = new ApiFactory().WithClock(new FixedClock(ExampleDay));
        var client = api.CreateCaseworkerClient("anna@fstyr.dk", "team-helbred", "team-udland");

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task DocumentedRotaExampleIsAcceptedFromTheTeamLead()
    {
        var doc = await SwaggerDocumentTests.LoadAsync();
        var body = Example(doc, (JObject)doc["paths"]!["/api/v1/teams/{team}/rota"]!["put"]!["requestBody"]!["content"]!["application/json"]!);
        using var api = new ApiFactory().WithClock(new FixedClock(ExampleDay));
        var client = api.CreateCaseworkerClient("lene@fstyr.dk", "team-helbred");
        client.DefaultRequestHeaders.Add("X-Dev-Roles", "SmartPost.TeamLead");

        var response = await client.PutAsync("/api/v1/teams/team-helbred/rota", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task SuggestExampleResponseMatchesWhatTheEngineSaysAboutTheExampleRequest()
    {
        var doc = await SwaggerDocumentTests.LoadAsync();
        var schemas = doc["components"]!["schemas"]!;
        using var api = new ApiFactory();
        var response = await api.CreateCaseworkerClient().PostAsync("/api/v1/reply-options/suggest",
            new StringContent(schemas["Guidance.SuggestRequest"]!["example"]!.ToString(), Encoding.UTF8, "application/json"));
        var actual = JObject.Parse(await response.Content.ReadAsStringAsync());
        var documented = schemas["Guidance.Suggestion"]!["example"]!;

        foreach (var field in new[] { "recommendation", "material", "category", "conflict" })
        {
            Assert.Equal(documented[field], actual[field]);
        }
        Assert.Equal(documented["matchedRule"]!["id"], actual["matchedRule"]!["id"]);
    }

    /// <summary>The example as the body text Swagger UI would send: a string as is, JSON serialized.</summary>
    private static string Example(JObject doc, JObject media)
    {
        var example = media["example"] ?? (media["schema"]?["$ref"] is { } reference
            ? doc["components"]!["schemas"]![((string)reference!)["#/components/schemas/".Length..]]!["example"]
            : null);
        Assert.NotNull(example);
        return example!.Type == JTokenType.String ? (string)example! : example.ToString();
    }
}
