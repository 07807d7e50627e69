using System.Net;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Identity;

/// <summary>What Production refuses at start-up: incomplete Entra ID settings and any dev-header setting.</summary>
public sealed class ProductionStartupTests : IAsyncLifetime
{
    private FakeMicrosoftCloud _cloud = null!;

    public async Task InitializeAsync() => _cloud = await FakeMicrosoftCloud.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Theory]
    [InlineData("Authentication:DevHeader:Enabled", "true")]
    [InlineData("Authentication:DevHeader:Enabled", "false")]
    [InlineData("Authentication:DevHeader:DefaultTeams", "team-a")]
    public void ProductionRefusesToStartWithDevHeaderSettings(string key, string value)
    {
        using var api = EntraTestApi.Create(_cloud).WithSetting(key, value);

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("Authentication:DevHeader", error.Message);
        Assert.Contains("Development only", error.Message);
    }

    [Fact]
    public void ProductionRefusesToStartWithoutTenantAndNamesTheKey()
    {
        using var api = EntraTestApi.Create(_cloud).WithSetting("Authentication:EntraId:TenantId", "");

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("Authentication:EntraId:TenantId", error.Message);
    }

    [Fact]
    public void ProductionRefusesToStartWithoutClientSecretAndSaysWhereToPutIt()
    {
        using var api = EntraTestApi.Create(_cloud).WithSetting("Authentication:EntraId:ClientSecret", null);

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("Authentication__EntraId__ClientSecret", error.Message);
    }

    [Fact]
    public void ProductionRefusesAnAudienceThatIsNotAnAppIdUri()
    {
        using var api = EntraTestApi.Create(_cloud).WithSetting("Authentication:EntraId:Audience", FakeMicrosoftCloud.ClientId);

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("api://<host>/<clientId>", error.Message);
    }

    [Fact]
    public void ProductionRefusesPlainHttpMetadataOutsideLoopback()
    {
        using var api = EntraTestApi.Create(_cloud)
            .WithSetting("Authentication:EntraId:MetadataAddress", "http://login.example.net/t/v2.0/.well-known/openid-configuration");

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("Authentication:EntraId:MetadataAddress", error.Message);
    }

    [Fact]
    public async Task DevelopmentStillAcceptsTheDevHeader()
    {
        using var api = new ApiFactory();
        var response = await api.CreateCaseworkerClient("cw-anna", "team-a").GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("team-a", await response.Content.ReadAsStringAsync());
    }
}
