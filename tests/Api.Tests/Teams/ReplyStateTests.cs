using System.Net;
using System.Net.Http.Headers;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Teams;

public class ReplyStateTests
{
    [Fact]
    public async Task SecondClaimGetsConflictWithHolderUntilTheClaimExpires()
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-11-20T09:00:00Z"));
        using var api = new ApiFactory().WithClock(clock).WithSetting("Replies:ClaimTimeout", "00:30:00");
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var bo = api.CreateCaseworkerClient("cw-bo", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Hej"))["id"]!;

        Assert.Equal(HttpStatusCode.OK, (await anna.ChangeAsync(HttpMethod.Post, id, "claim")).StatusCode);
        var conflict = await bo.ChangeAsync(HttpMethod.Post, id, "claim");
        var problem = await conflict.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("cw-anna", (string?)problem["holder"]);
        Assert.NotNull(problem["since"]);
        Assert.Equal(HttpStatusCode.Conflict, (await bo.ChangeAsync(HttpMethod.Delete, id, "claim")).StatusCode);

        clock.Now = clock.Now.AddMinutes(31);
        var taken = await (await bo.ChangeAsync(HttpMethod.Post, id, "claim")).ReadJsonAsync();
        Assert.Equal("cw-bo", (string?)taken["claim"]!["by"]);
        var released = await (await bo.ChangeAsync(HttpMethod.Delete, id, "claim")).ReadJsonAsync();
        Assert.Null(released["claim"]!.ToObject<object>());
    }

    [Fact]
    public async Task HandledLeavesUnhandledListIsIdempotentAndCanBeUndone()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await client.IngestAsync("D-1", "team-a", "Hej"))["id"]!;

        var handled = await (await client.ChangeAsync(HttpMethod.Post, id, "handled")).ReadJsonAsync();
        Assert.Equal("cw-anna", (string?)handled["handled"]!["by"]);
        var again = await client.ChangeAsync(HttpMethod.Post, id, "handled");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((string?)handled["eTag"], (string?)(await again.ReadJsonAsync())["eTag"]);
        Assert.Empty((await (await client.GetAsync("/api/v1/teams/team-a/replies")).ReadJsonAsync())["items"]!);
        Assert.Single((await (await client.GetAsync("/api/v1/teams/team-a/replies?status=handled")).ReadJsonAsync())["items"]!);

        await client.ChangeAsync(HttpMethod.Delete, id, "handled");
        Assert.Single((await (await client.GetAsync("/api/v1/teams/team-a/replies")).ReadJsonAsync())["items"]!);
    }

    [Fact]
    public async Task StaleIfMatchIsPreconditionFailed()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await client.IngestAsync("D-1", "team-a", "Hej"))["id"]!;
        var get = await client.GetAsync($"/api/v1/replies/{id}");
        var etag = get.Headers.ETag!.Tag;

        var screened = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/replies/{id}/screened");
        screened.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var ok = await client.SendAsync(screened);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEqual(etag, ok.Headers.ETag!.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/replies/{id}/handled");
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var refused = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HistoryListsEveryChange()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await client.IngestAsync("D-1", "team-a", "Hej"))["id"]!;
        await client.ChangeAsync(HttpMethod.Post, id, "screened");
        await client.ChangeAsync(HttpMethod.Post, id, "claim");
        await client.ChangeAsync(HttpMethod.Post, id, "handled");
        await client.ChangeAsync(HttpMethod.Delete, id, "handled");
        var history = await (await client.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        var kinds = history["items"]!.Select(e => (string)e["kind"]!).Where(k => !k.StartsWith("Metadata")).ToList();
        Assert.Equal(new[] { "Received", "Screened", "Claimed", "MarkedHandled", "ClaimCleared", "HandledUndone" }, kinds);
        Assert.All(history["items"]!.Where(e => !((string)e["kind"]!).StartsWith("Metadata")).Skip(1), e => Assert.Equal("cw-anna", (string?)e["actor"]));
    }
}
