using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SmartPost.Api.Tests.Identity;

/// <summary>The Entra ID side of the stand-in: OpenID metadata, JWKS and the v2.0 token endpoint.</summary>
internal static class FakeEntraEndpoints
{
    public static void Map(WebApplication app, FakeMicrosoftCloud cloud)
    {
        var tenant = FakeMicrosoftCloud.TenantId;
        app.MapGet($"/{tenant}/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = FakeMicrosoftCloud.Issuer,
            ["jwks_uri"] = $"{cloud.BaseUri}{tenant}/discovery/v2.0/keys",
            ["token_endpoint"] = $"{cloud.BaseUri}{tenant}/oauth2/v2.0/token",
            ["authorization_endpoint"] = $"{cloud.BaseUri}{tenant}/oauth2/v2.0/authorize",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code", "id_token", "token id_token" },
            ["subject_types_supported"] = new[] { "pairwise" },
        }));

        app.MapGet($"/{tenant}/discovery/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(cloud.SigningKey.Rsa.ExportParameters(false)) { KeyId = cloud.SigningKey.KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });

        // On-behalf-of: the assertion is the caseworker's token; the Graph token names its oid so Graph can answer "me".
        app.MapPost($"/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            cloud.TokenRequests.Enqueue(fields);
            if (fields.GetValueOrDefault("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer"
                || fields.GetValueOrDefault("requested_token_use") != "on_behalf_of"
                || fields.GetValueOrDefault("client_secret") != "test-secret")
            {
                return Results.Json(new { error = "invalid_grant", error_description = "AADSTS50013: Assertion failed." }, statusCode: 400);
            }
            var oid = new JsonWebToken(fields["assertion"]).GetClaim("oid").Value;
            return Results.Json(new
            {
                token_type = "Bearer",
                scope = fields.GetValueOrDefault("scope"),
                expires_in = 3600,
                ext_expires_in = 3600,
                access_token = "graph-token-for:" + oid,
                // Entra answers MSAL's client_info=1 with the account's ids; MSAL keys its user token cache on them.
                client_info = Base64UrlEncoder.Encode($$"""{"uid":"{{oid}}","utid":"{{tenant}}"}"""),
            });
        });
    }
}
