using System.Net;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Operations;

public class RateLimitAndHeaderTests
{
    [Fact]
    public async Task IngestBeyondTheCallersAllowanceGets429WithADanishProblemWhileOtherCallersGoOn()
    {
        using var api = new ApiFactory().WithSetting("RateLimits:IngestPerMinute", "3");
        var busy = api.CreateCaseworkerClient("integration-a", "team-a");
        for (var i = 0; i < 3; i++) await busy.IngestAsync($"WZ-{i}", "team-a", "Hej");

        var refused = await busy.PostJsonReplyAsync(new { documentId = "WZ-3", team = "team-a", text = "Hej" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Response.StatusCode);
        Assert.Equal("application/problem+json", refused.Response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("For mange forespørgsler", (string?)refused.Body["title"]);
        Assert.Contains("prøv igen", (string?)refused.Body["detail"]);
        Assert.True(refused.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await api.CreateCaseworkerClient("integration-b", "team-a").IngestAsync("WZ-4", "team-a", "Hej");
        // Reading is not limited by the ingest allowance.
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/replies?documentId=WZ-0")).StatusCode);
    }

    [Fact]
    public async Task SuggestIsLimitedPerCaller()
    {
        using var api = new ApiFactory().WithSetting("RateLimits:SuggestPerMinute", "2");
        var client = api.CreateCaseworkerClient();
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Guidance.SuggestApi.PostAsync(client, Guidance.SuggestApi.Letter("Afgørelse", "Vi giver dig afslag."))).Status);
        }
        Assert.Equal([200, 200, 429], statuses);
    }

    [Fact]
    public async Task PanesMayBeFramedOnlyByOfficeHostsAndAreNotSniffed()
    {
        using var api = new ApiFactory();
        var response = await api.CreateClient().GetAsync("/addin/config.json");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' https://*.officeapps.live.com https://*.office.com", csp);
        Assert.Contains("script-src 'self' https://appsforoffice.microsoft.com;", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // Development
    }

    [Fact]
    public async Task ProductionSendsHstsOverHttps()
    {
        using var api = ApiFactory.Production();
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://smartpost.example") }); // HSTS is never sent to localhost

        var response = await client.GetAsync("/health/live");

        Assert.Contains("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }
}
