using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Addin;

/// <summary>What a newcomer opens first answers without credentials: the start page, the pane folder, the icon.</summary>
public class LandingPageTests
{
    [Fact]
    public async Task RootLeadsToALandingPageLinkingPanesDashboardAndSwagger()
    {
        using var api = new ApiFactory();
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var link in new[] { "/addin/word.html", "/addin/outlook-read.html", "/addin/dashboard.html", "/swagger" })
            Assert.Contains($"href=\"{link}\"", html);
        Assert.Contains("lang=\"da\"", html);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.Redirect)]
    [InlineData("/addin/", HttpStatusCode.OK)]
    [InlineData("/favicon.ico", HttpStatusCode.OK)]
    public async Task AnonymousRequestIsNeverUnauthorized(string path, HttpStatusCode expected)
    {
        using var api = new ApiFactory();
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        if (path == "/favicon.ico") Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }
}
