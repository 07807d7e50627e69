using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Identity;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Identity;

/// <summary>
/// The API in the Production environment, configured for the fake tenant. The API itself runs in the in-memory
/// test server; everything it calls (metadata, JWKS, token endpoint, Graph) is the real-HTTP <see cref="FakeMicrosoftCloud"/>.
/// </summary>
public static class EntraTestApi
{
    public const string GroupA = "a1111111-1111-4111-8111-111111111111";
    public const string GroupB = "b2222222-2222-4222-8222-222222222222";
    public const string GroupUnmapped = "c3333333-3333-4333-8333-333333333333";

    public static ApiFactory Create(FakeMicrosoftCloud cloud) => new ApiFactory { EnvironmentName = "Production" }
        .WithSetting("Authentication:EntraId:TenantId", FakeMicrosoftCloud.TenantId)
        .WithSetting("Authentication:EntraId:ClientId", FakeMicrosoftCloud.ClientId)
        .WithSetting("Authentication:EntraId:Audience", FakeMicrosoftCloud.Audience)
        .WithSetting("Authentication:EntraId:ClientSecret", "test-secret")
        .WithSetting("Authentication:EntraId:MetadataAddress", cloud.MetadataAddress)
        .WithSetting("Identity:GraphBaseUrl", cloud.GraphBaseUrl)
        .WithSetting($"Identity:GroupTeams:{GroupA}", "team-a")
        .WithSetting($"Identity:GroupTeams:{GroupB}", "team-b")
        // MSAL refuses non-https authorities, so the authority stays https://login.microsoftonline.com/{tenant}
        // and only the transport is routed to the local server: the token request still travels real HTTP.
        .WithServices(s => s.AddHttpClient(OnBehalfOfTokens.HttpClientName)
            .AddHttpMessageHandler(() => new RouteToLoopbackHandler(cloud.BaseUri)));

    public static HttpClient CreateBearerClient(this ApiFactory api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed class RouteToLoopbackHandler(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
