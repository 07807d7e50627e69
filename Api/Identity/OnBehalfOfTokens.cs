using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SmartPost.Api.Identity;

/// <summary>
/// Exchanges the caseworker's incoming token for a Microsoft Graph token (OAuth 2.0 on-behalf-of, MSAL.NET).
/// One confidential client for the process: MSAL's user token cache then serves repeat requests with the
/// same incoming token without a round trip to Entra ID.
/// </summary>
public sealed class OnBehalfOfTokens
{
    public const string HttpClientName = "entra-id-token";

    private readonly IConfidentialClientApplication _app;
    private readonly string[] _scopes;

    public OnBehalfOfTokens(IOptions<EntraIdOptions> entra, IOptions<TeamIdentityOptions> identity, IHttpClientFactory httpClients)
    {
        _scopes = identity.Value.GraphScopes;
        _app = ConfidentialClientApplicationBuilder.Create(entra.Value.ClientId)
            .WithClientSecret(entra.Value.ClientSecret)
            // MSAL accepts only https authorities; the token endpoint is {authority}/oauth2/v2.0/token.
            .WithAuthority(entra.Value.Authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new NamedMsalHttpClientFactory(httpClients))
            .Build();
    }

    public async Task<string> AcquireGraphTokenAsync(string incomingToken, CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenOnBehalfOf(_scopes, new UserAssertion(incomingToken)).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    /// <summary>MSAL's HTTP goes through IHttpClientFactory, so handlers (proxies, tests' loopback routing) can be added.</summary>
    private sealed class NamedMsalHttpClientFactory(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
    }
}
