using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Identity;

namespace SmartPost.Api.Tests.Identity;

/// <summary>Team membership from Graph on behalf of the caseworker, over real HTTP to the stand-in.</summary>
public sealed class GraphMembershipTests : IAsyncLifetime
{
    private FakeMicrosoftCloud _cloud = null!;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _cloud = await FakeMicrosoftCloud.StartAsync();
        // Five groups: three pages of two; one unmapped.
        _cloud.GroupsByUser["oid-anna"] = ["d4444444-4444-4444-8444-444444444444", EntraTestApi.GroupUnmapped,
            "e5555555-5555-4555-8555-555555555555", "f6666666-6666-4666-8666-666666666666", EntraTestApi.GroupB];
        _cloud.GroupsByUser["oid-bo"] = [EntraTestApi.GroupA];
    }

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    private Tests.Infrastructure.ApiFactory CreateApi() => EntraTestApi.Create(_cloud)
        .WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    private static async Task<JObject> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MembershipFollowsEveryGraphPageAndMapsOnlyConfiguredGroups()
    {
        using var api = CreateApi();
        var me = await ReadAsync(await api.CreateBearerClient(_cloud.CreateToken("oid-anna")).GetAsync("/api/v1/me"));

        Assert.Equal(["team-b"], me["teams"]!.Values<string>());
        Assert.Equal("Current", (string?)me["membership"]);
        Assert.Equal(3, _cloud.Requests.Count(r => r.StartsWith("GET /v1.0/me/transitiveMemberOf")));
        // One on-behalf-of exchange serves all three pages: MSAL's token cache.
        Assert.Single(_cloud.TokenRequests);
    }

    [Fact]
    public async Task GraphIsCalledWithATokenFromTheOnBehalfOfExchange()
    {
        using var api = CreateApi();
        var incoming = _cloud.CreateToken("oid-bo");
        await ReadAsync(await api.CreateBearerClient(incoming).GetAsync("/api/v1/me"));

        var exchange = Assert.Single(_cloud.TokenRequests);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", exchange["grant_type"]);
        Assert.Equal("on_behalf_of", exchange["requested_token_use"]);
        Assert.Equal(incoming, exchange["assertion"]);
        Assert.Equal(FakeMicrosoftCloud.ClientId, exchange["client_id"]);
        Assert.Contains("https://graph.microsoft.com/.default", exchange["scope"]);
        Assert.Contains(_cloud.Requests, r => r.StartsWith($"POST /{FakeMicrosoftCloud.TenantId}/oauth2/v2.0/token"));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task ThrottlingAndUnavailableAreRetriedAfterTheRetryAfterDelay(int status)
    {
        _cloud.GraphFailures.Enqueue(FakeMicrosoftCloud.Status(status, retryAfterSeconds: "1"));
        using var api = CreateApi();
        var me = await ReadAsync(await api.CreateBearerClient(_cloud.CreateToken("oid-bo")).GetAsync("/api/v1/me"));

        Assert.Equal(["team-a"], me["teams"]!.Values<string>());
        Assert.Equal("Current", (string?)me["membership"]);
        Assert.Equal(2, _cloud.Requests.Count(r => r.StartsWith("GET /v1.0/me/transitiveMemberOf")));
    }

    [Fact]
    public async Task MembershipIsCachedForItsLifetimeThenAskedAgain()
    {
        using var api = CreateApi();
        var client = api.CreateBearerClient(_cloud.CreateToken("oid-bo"));
        await ReadAsync(await client.GetAsync("/api/v1/me"));
        _clock.Advance(TimeSpan.FromMinutes(4));
        await ReadAsync(await client.GetAsync("/api/v1/me"));
        Assert.Equal(1, _cloud.Requests.Count(r => r.StartsWith("GET /v1.0/me/transitiveMemberOf")));

        _clock.Advance(TimeSpan.FromMinutes(2));
        await ReadAsync(await client.GetAsync("/api/v1/me"));
        Assert.Equal(2, _cloud.Requests.Count(r => r.StartsWith("GET /v1.0/me/transitiveMemberOf")));
    }

    [Fact]
    public async Task WhenGraphIsDownTheLastKnownMembershipIsUsedAndTheResponseSaysSo()
    {
        using var api = CreateApi();
        var client = api.CreateBearerClient(_cloud.CreateToken("oid-bo"));
        await ReadAsync(await client.GetAsync("/api/v1/me"));

        _cloud.GraphDownStatus = 500;
        _clock.Advance(TimeSpan.FromMinutes(30));
        var response = await client.GetAsync("/api/v1/me");
        var me = await ReadAsync(response);

        Assert.Equal(["team-a"], me["teams"]!.Values<string>());
        Assert.Equal("Stale", (string?)me["membership"]);
        Assert.StartsWith("stale", response.Headers.GetValues(GraphTeamMembership.FreshnessHeader).Single());
    }

    [Fact]
    public async Task StaleMembershipExpiresAndThenTheCaseworkerHasNoTeams()
    {
        using var api = CreateApi();
        var client = api.CreateBearerClient(_cloud.CreateToken("oid-bo"));
        await ReadAsync(await client.GetAsync("/api/v1/me"));

        _cloud.GraphDownStatus = 502;
        _clock.Advance(TimeSpan.FromMinutes(61));
        var response = await client.GetAsync("/api/v1/me");
        var me = await ReadAsync(response);

        Assert.Empty(me["teams"]!);
        Assert.Equal("Unavailable", (string?)me["membership"]);
        Assert.Equal("unavailable", response.Headers.GetValues(GraphTeamMembership.FreshnessHeader).Single());
    }

    [Fact]
    public async Task GraphDownWithNothingKnownNeverFailsOpen()
    {
        _cloud.GraphDownStatus = 500;
        using var api = CreateApi();
        var me = await ReadAsync(await api.CreateBearerClient(_cloud.CreateToken("oid-anna")).GetAsync("/api/v1/me"));

        Assert.Empty(me["teams"]!);
        Assert.Equal("Unavailable", (string?)me["membership"]);
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
