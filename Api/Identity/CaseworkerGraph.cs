using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace SmartPost.Api.Identity;

/// <summary>
/// A Graph SDK client acting as the current caseworker: their bearer token exchanged on behalf of them.
/// The HttpClient (named <see cref="HttpClientName"/>) carries Graph's retry handler for 429/503/504 with Retry-After.
/// </summary>
public sealed class CaseworkerGraph(
    IHttpContextAccessor httpContext, OnBehalfOfTokens tokens, IHttpClientFactory httpClients, IOptions<TeamIdentityOptions> options)
{
    public const string HttpClientName = "microsoft-graph";

    public GraphServiceClient ForCurrentCaller()
    {
        var incoming = IncomingBearerToken()
            ?? throw new GraphUnavailableException("No bearer token on the request to exchange for Graph.");
        var auth = new BaseBearerTokenAuthenticationProvider(new OnBehalfOfAccessTokenProvider(tokens, incoming));
        return new GraphServiceClient(httpClients.CreateClient(HttpClientName), auth, options.Value.GraphBaseUrl);
    }

    private string? IncomingBearerToken()
    {
        var header = httpContext.HttpContext?.Request.Headers.Authorization.ToString() ?? "";
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private sealed class OnBehalfOfAccessTokenProvider(OnBehalfOfTokens tokens, string incoming) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) => tokens.AcquireGraphTokenAsync(incoming, cancellationToken);
    }
}

/// <summary>Graph (or the token exchange in front of it) could not answer.</summary>
public sealed class GraphUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
