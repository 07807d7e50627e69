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
        using var api = ApiFactory.Production();
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
