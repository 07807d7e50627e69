using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// Bearer tokens for WorkZone from Entra ID (MSAL confidential client, client credentials, secret or certificate;
/// scope "&lt;App ID URI&gt;/.default"). MSAL caches the token and fetches a new one before it expires; after a 401
/// the client asks for a fresh one (<c>forceRefresh</c>). MSAL's HTTP goes through the named client
/// <see cref="HttpClientName"/>, so proxies and certificates are configured in one place.
/// </summary>
public sealed class WorkZoneTokens(IOptions<WorkZoneOptions> options, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "WorkZone.Auth";
    private readonly Lazy<IConfidentialClientApplication> _app = new(() => Build(options.Value, httpClients));

    public bool Enabled => options.Value.Auth.Mode != WorkZoneAuthMode.None;

    public string Scope
    {
        get
        {
            var o = options.Value;
            return (o.Auth.AppIdUri ?? o.BaseUrl!.GetLeftPart(UriPartial.Authority)).TrimEnd('/') + "/.default";
        }
    }

    /// <summary>Null when authentication is off (Development only). Throws <see cref="MsalException"/> when Entra ID refuses.</summary>
    public async Task<string?> GetAsync(bool forceRefresh, CancellationToken ct)
    {
        if (!Enabled) return null;
        var result = await _app.Value.AcquireTokenForClient([Scope]).WithForceRefresh(forceRefresh).ExecuteAsync(ct);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication Build(WorkZoneOptions o, IHttpClientFactory httpClients)
    {
        var auth = o.Auth;
        var builder = ConfidentialClientApplicationBuilder.Create(auth.ClientId)
            .WithHttpClientFactory(new MsalHttpClients(httpClients));
        builder = auth.Authority is { } authority ? builder.WithOidcAuthority(authority.ToString()) : builder.WithTenantId(auth.TenantId);
        builder = auth.Mode == WorkZoneAuthMode.Certificate
            ? builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(auth.CertificatePath!, auth.CertificatePassword))
            : builder.WithClientSecret(auth.ClientSecret);
        return builder.Build();
    }

    private sealed class MsalHttpClients(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}
