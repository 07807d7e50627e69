using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Operations;

/// <summary>Two instances behind a round-robin load balancer: each request goes to the other instance than the last.</summary>
public class RoundRobinTests
{
    /// <summary>Alternates requests between the instances' in-memory servers, as a round-robin proxy does.</summary>
    private sealed class RoundRobin(params HttpMessageHandler[] instances) : HttpMessageHandler
    {
        private int _next = -1;
        private readonly HttpMessageInvoker[] _invokers = instances.Select(h => new HttpMessageInvoker(h)).ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            _invokers[(int)((uint)Interlocked.Increment(ref _next) % _invokers.Length)].SendAsync(request, ct);
    }

    private static HttpClient Caseworker(ApiFactory a, ApiFactory b, string user)
    {
        var client = new HttpClient(new RoundRobin(a.Server.CreateHandler(), b.Server.CreateHandler())) { BaseAddress = new Uri("http://localhost") };
        client.DefaultRequestHeaders.Add("X-Dev-User", user);
        client.DefaultRequestHeaders.Add("X-Dev-Teams", "team-a");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    [Fact]
    public async Task IngestClaimAndHandledBehaveAsOnOneInstance()
    {
        using var database = TestDatabase.Create(DatabaseKind.Postgres);
        using var a = new ApiFactory(database);
        using var b = new ApiFactory(database);
        var anna = Caseworker(a, b, "cw-anna");
        var bo = Caseworker(a, b, "cw-bo");
        var reply = new { documentId = "WZ-77", team = "team-a", text = "Jeg vil klage over afgørelsen." };

        var first = await anna.PostJsonReplyAsync(reply);
        var again = await anna.PostJsonReplyAsync(reply);
        Assert.Equal(HttpStatusCode.Created, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        var id = (long)first.Body["id"]!;
        Assert.Equal(id, (long)again.Body["id"]!);

        Assert.Equal(HttpStatusCode.OK, (await anna.ChangeAsync(HttpMethod.Post, id, "claim")).StatusCode);
        var taken = await bo.ChangeAsync(HttpMethod.Post, id, "claim");
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("cw-anna", (string?)(await taken.ReadJsonAsync())["holder"]);

        var detail = await anna.GetAsync($"/api/v1/replies/{id}");
        var etag = detail.Headers.ETag!.ToString();
        await anna.ChangeAsync(HttpMethod.Post, id, "screened"); // changes the version on the other instance
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/replies/{id}/handled");
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await anna.SendAsync(stale)).StatusCode);

        var fresh = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/replies/{id}/handled");
        fresh.Headers.TryAddWithoutValidation("If-Match", (await anna.GetAsync($"/api/v1/replies/{id}")).Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await anna.SendAsync(fresh)).StatusCode);

        foreach (var _ in new[] { a, b }) // both instances, whichever answers
        {
            var handled = await (await bo.GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync();
            Assert.Equal("cw-anna", (string?)handled["handled"]!["by"]);
        }
        var history = await (await bo.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        Assert.Equal(["Received", "Claimed", "Screened", "MarkedHandled", "ClaimCleared"],
            history["items"]!.Select(e => (string)e["kind"]!).Where(k => !k.StartsWith("Metadata")).ToArray());
    }
}
