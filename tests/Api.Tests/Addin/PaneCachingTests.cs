using System.Net;
using System.Text.RegularExpressions;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Addin;

/// <summary>
/// A reopened pane takes the content-hashed chunks from its cache without a request; the page and its entry script,
/// whose names stay the same across builds, are revalidated on every load so a new build is picked up at once.
/// </summary>
public class PaneCachingTests
{
    [Fact]
    public async Task HashedChunksAreImmutableWhileThePageAndItsEntryAreRevalidated()
    {
        using var api = new ApiFactory();
        var client = api.CreateClient();

        var page = await client.GetAsync("/addin/word.html");
        var html = await page.Content.ReadAsStringAsync();
        var chunk = Regex.Match(html, "href=\"(js/chunks/[^\"]+\\.js)\"").Groups[1].Value;
        var chunkResponse = await client.GetAsync($"/addin/{chunk}");
        var entry = await client.GetAsync("/addin/js/word.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEqual("", chunk);
        Assert.Equal(HttpStatusCode.OK, chunkResponse.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", chunkResponse.Headers.CacheControl?.ToString());
        Assert.True(page.Headers.CacheControl?.NoCache, "word.html must be revalidated");
        Assert.True(entry.Headers.CacheControl?.NoCache, "js/word.js must be revalidated");
    }
}
