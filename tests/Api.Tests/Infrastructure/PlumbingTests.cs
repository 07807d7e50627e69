using System.Net;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Tests.Infrastructure;

public class PlumbingTests
{
    [Fact]
    public async Task HealthEndpointAnswersWithoutAuthentication()
    {
        using var api = new ApiFactory();
        var response = await api.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RequestWithoutDevHeaderIsUnauthorizedProblem()
    {
        using var api = new ApiFactory();
        var response = await api.CreateClient().GetAsync("/api/v1/anything");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ProductionIgnoresDevHeader()
    {
        // Production refuses to start without a complete Entra ID configuration (issue 5).
        using var api = new ApiFactory { EnvironmentName = "Production" }
            .WithSetting("Authentication:EntraId:TenantId", "4b7c2a55-8f0e-4c1e-9a51-2d9f6e0b7a11")
            .WithSetting("Authentication:EntraId:ClientId", "0f3a9e1d-6b2c-4d8e-8f7a-5c4b3a2d1e0f")
            .WithSetting("Authentication:EntraId:Audience", "api://localhost:5080/0f3a9e1d-6b2c-4d8e-8f7a-5c4b3a2d1e0f")
            .WithSetting("Authentication:EntraId:ClientSecret", "not-used");
        var response = await api.CreateCaseworkerClient("cw-anna").GetAsync("/api/v1/anything");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRouteIsNotFoundProblem()
    {
        using var api = new ApiFactory();
        var response = await api.CreateCaseworkerClient().GetAsync("/api/v1/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, (int)problem["status"]!);
        Assert.Contains("/api/v1/does-not-exist", (string)problem["detail"]!);
    }

    [Fact]
    public async Task SwaggerUiIsServed()
    {
        using var api = new ApiFactory();
        var response = await api.CreateClient().GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SmartPost Assistant API", await response.Content.ReadAsStringAsync());
    }
}
