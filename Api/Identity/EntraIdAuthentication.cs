using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace SmartPost.Api.Identity;

/// <summary>
/// Production identity: the task pane's Office SSO / NAA token as a bearer token, validated against the Entra
/// tenant (issuer, audience, signature from OpenID metadata, lifetime) and required to carry the API scope.
/// </summary>
public static class EntraIdAuthentication
{
    public const string ScopePolicy = "EntraIdScope";

    public static AuthenticationBuilder AddEntraIdBearer(this AuthenticationBuilder auth)
    {
        var services = auth.Services;
        services.AddOptions<EntraIdOptions>().BindConfiguration(EntraIdOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EntraIdOptions>, EntraIdOptionsValidator>();

        auth.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<EntraIdOptions>>((jwt, entra) => Configure(jwt, entra.Value));
        return auth;
    }

    /// <summary>Authenticated is not enough: the token must have been issued for our scope (else 403).</summary>
    public static AuthorizationPolicy ScopeRequiredPolicy(string scope) => new AuthorizationPolicyBuilder()
        .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(ctx => HasScope(ctx.User, scope))
        .Build();

    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll("scp").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(scope, StringComparer.Ordinal);

    private static void Configure(JwtBearerOptions jwt, EntraIdOptions entra)
    {
        jwt.MetadataAddress = entra.ResolvedMetadataAddress;
        // Plain http only for a loopback metadata server (the tests); the validator rejects http elsewhere.
        jwt.RequireHttpsMetadata = new Uri(entra.ResolvedMetadataAddress).Scheme == Uri.UriSchemeHttps;
        // Keep Entra's claim names (oid, scp, roles) instead of the legacy SOAP URIs.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.ValidIssuers = entra.ValidIssuers;
        jwt.TokenValidationParameters.ValidAudiences = entra.ValidAudiences;
        jwt.TokenValidationParameters.ValidateIssuer = true;
        jwt.TokenValidationParameters.ValidateAudience = true;
        jwt.TokenValidationParameters.ValidateLifetime = true;
        jwt.TokenValidationParameters.RequireSignedTokens = true;
        jwt.TokenValidationParameters.RequireExpirationTime = true;
        jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(2);
        jwt.TokenValidationParameters.NameClaimType = "preferred_username";
        jwt.TokenValidationParameters.RoleClaimType = "roles";
        jwt.Events = new JwtBearerEvents { OnTokenValidated = AddCaseworkerId };
    }

    /// <summary>
    /// The rest of the API reads the caseworker id from NameIdentifier: use the Entra object id (oid), which is
    /// stable and is what Graph's /users/{id} accepts.
    /// </summary>
    private static Task AddCaseworkerId(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var oid = principal.FindFirstValue("oid") ?? principal.FindFirstValue(JwtRegisteredClaimNames.Sub);
        if (string.IsNullOrEmpty(oid))
        {
            context.Fail("The token has neither an oid nor a sub claim.");
            return Task.CompletedTask;
        }
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, oid));
        return Task.CompletedTask;
    }
}
