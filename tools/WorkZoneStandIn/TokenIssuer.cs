using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WorkZoneStandIn;

/// <summary>
/// A tiny Entra-like token issuer for the client-credentials flow, enough for MSAL's generic OIDC authority
/// (<c>WithOidcAuthority</c>): OpenID metadata, a token endpoint that checks the client secret and the scope
/// <c>&lt;App ID URI&gt;/.default</c>, and the validation the OData service applies to bearer tokens.
/// </summary>
public sealed class TokenIssuer(StandInOptions options, TimeProvider clock)
{
    public const string PathPrefix = "/standin";
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "stand-in-key" };
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Set at start: the https authority (ends with '/') and the App ID URI tokens are issued for.</summary>
    public string Authority { get; set; } = "";
    public string AppIdUri { get; set; } = "";

    /// <summary>Tokens issued so far (a refresh after a 401 shows as a second one).</summary>
    public int IssuedCount => _issued;
    private int _issued;

    public object Metadata() => new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["token_endpoint"] = Authority + "oauth2/v2.0/token",
        ["authorization_endpoint"] = Authority + "oauth2/v2.0/authorize",
        ["jwks_uri"] = Authority + "discovery/v2.0/keys",
        ["response_types_supported"] = new[] { "code", "token" },
        ["subject_types_supported"] = new[] { "pairwise" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
        ["grant_types_supported"] = new[] { "client_credentials" },
    };

    /// <summary>The token endpoint: client_credentials with the configured client id and secret only.</summary>
    public IResult Token(IFormCollection form)
    {
        if ((string?)form["grant_type"] != "client_credentials")
            return Error("unsupported_grant_type", "Only client_credentials is supported by the stand-in.");
        if ((string?)form["client_id"] != options.ClientId || (string?)form["client_secret"] != options.ClientSecret)
            return Error("invalid_client", "AADSTS7000215: Invalid client secret provided.", 401);
        var scopes = ((string?)form["scope"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var resource = scopes.FirstOrDefault(s => s.EndsWith("/.default", StringComparison.Ordinal))?[..^"/.default".Length];
        if (resource is null || !string.Equals(resource.TrimEnd('/'), AppIdUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            return Error("invalid_scope", $"AADSTS500011: The resource '{resource}' was not found; use '{AppIdUri}/.default'.");

        var now = clock.GetUtcNow().UtcDateTime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = AppIdUri,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.TokenLifetime,
            Subject = new ClaimsIdentity([new Claim("appid", options.ClientId), new Claim("sub", options.ClientId)]),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        Interlocked.Increment(ref _issued);
        var seconds = (int)options.TokenLifetime.TotalSeconds;
        return Results.Json(new { token_type = "Bearer", expires_in = seconds, ext_expires_in = seconds, access_token = token });
    }

    public async Task<bool> IsValidAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Authority,
            ValidAudience = AppIdUri,
            IssuerSigningKey = _key,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore <= now.AddSeconds(30)) && expires > now;
            },
        });
        return result.IsValid;
    }

    private static IResult Error(string code, string description, int status = 400) =>
        Results.Json(new { error = code, error_description = description }, statusCode: status);
}
