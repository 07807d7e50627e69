using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Tests.Identity;

/// <summary>Production authentication: Entra ID bearer tokens checked against OpenID metadata served over real HTTP.</summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private FakeMicrosoftCloud _cloud = null!;

    public async Task InitializeAsync()
    {
        _cloud = await FakeMicrosoftCloud.StartAsync();
        _cloud.GroupsByUser["oid-anna"] = [EntraTestApi.GroupA];
    }

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    private async Task<HttpResponseMessage> GetMeAsync(string token)
    {
        using var api = EntraTestApi.Create(_cloud);
        return await api.CreateBearerClient(token).GetAsync("/api/v1/me");
    }

    [Fact]
    public async Task ValidTokenIsAcceptedAndNamesTheCaseworker()
    {
        var response = await GetMeAsync(_cloud.CreateToken("oid-anna"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("oid-anna", (string?)me["userId"]);
        Assert.Equal(["team-a"], me["teams"]!.Values<string>());
        Assert.Contains(_cloud.Requests, r => r.Contains("/discovery/v2.0/keys"));
    }

    [Fact]
    public async Task TokenIssuedForTheClientIdAudienceIsAccepted()
    {
        var response = await GetMeAsync(_cloud.CreateToken("oid-anna", audience: FakeMicrosoftCloud.ClientId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredTokenIsUnauthorized()
    {
        var response = await GetMeAsync(_cloud.CreateToken("oid-anna", expires: DateTime.UtcNow.AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TokenForAnotherAudienceIsUnauthorized()
    {
        var response = await GetMeAsync(_cloud.CreateToken("oid-anna", audience: "api://localhost:5080/some-other-app"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenFromAnotherTenantIsUnauthorized()
    {
        var response = await GetMeAsync(_cloud.CreateToken("oid-anna", issuer: "https://login.microsoftonline.com/9d1f0000-0000-4000-8000-000000000000/v2.0"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenWithoutTheApiScopeIsForbidden()
    {
        var response = await GetMeAsync(_cloud.CreateToken("oid-anna", scope: "User.Read"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TokenWithoutAnyScopeIsForbidden()
    {
        var response = await GetMeAsync(_cloud.CreateToken("oid-anna", scope: null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TamperedTokenIsUnauthorized()
    {
        var parts = _cloud.CreateToken("oid-anna").Split('.');
        // Same signature, but the payload now claims another caseworker.
        var payload = JObject.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])));
        payload["oid"] = "oid-mallory";
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToString(Newtonsoft.Json.Formatting.None))}.{parts[2]}";

        var response = await GetMeAsync(tampered);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenSignedWithAnUnknownKeyIsUnauthorized()
    {
        using var rsa = RSA.Create(2048);
        var response = await GetMeAsync(_cloud.CreateToken("oid-anna", key: new RsaSecurityKey(rsa) { KeyId = "test-key-1" }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnsignedAlgNoneTokenIsUnauthorized()
    {
        var payload = JObject.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(_cloud.CreateToken("oid-anna").Split('.')[1])));
        var unsigned = $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Base64UrlEncoder.Encode(payload.ToString(Newtonsoft.Json.Formatting.None))}.";

        var response = await GetMeAsync(unsigned);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RequestWithoutTokenIsUnauthorizedProblem()
    {
        using var api = EntraTestApi.Create(_cloud);
        var response = await api.CreateClient().GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DevHeaderIsIgnoredInProduction()
    {
        using var api = EntraTestApi.Create(_cloud);
        var response = await api.CreateCaseworkerClient("cw-anna", "team-a").GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
