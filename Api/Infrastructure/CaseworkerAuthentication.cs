using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using SmartPost.Api.Identity;

namespace SmartPost.Api.Infrastructure;

/// <summary>Claim types the API reads; the identity layer (dev header in Development, Entra ID otherwise) fills them.</summary>
public static class CaseworkerClaims
{
    public const string Team = "smartpost/team";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Unauthenticated caller.");

    /// <summary>
    /// Teams carried as claims. In Production these are added per request from Graph group membership
    /// (<see cref="TeamClaimsTransformation"/>); authorization checks should still go through <see cref="ITeamMembership"/>.
    /// </summary>
    public static IReadOnlyList<string> Teams(this ClaimsPrincipal user) =>
        user.FindAll(Team).Select(c => c.Value).ToList();
}

public static class CaseworkerAuthentication
{
    /// <summary>
    /// Every endpoint requires an authenticated caseworker unless it opts out (health, Swagger).
    /// Development: the X-Dev-User header. Everywhere else: Entra ID bearer tokens with the API scope,
    /// and the app refuses to start if any dev-header setting is present.
    /// </summary>
    public static IServiceCollection AddCaseworkerAuthentication(this IServiceCollection services, IHostEnvironment env)
    {
        services.AddCprMaskedLogging();
        services.AddTeamIdentity(env);

        if (env.IsDevelopment())
        {
            services.AddAuthentication(DevHeaderAuthenticationHandler.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DevHeaderAuthenticationHandler>(
                    DevHeaderAuthenticationHandler.SchemeName, null);
            services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            return services;
        }

        DevHeaderGuard.RefuseDevHeaderSettings(services, env);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddEntraIdBearer();
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<EntraIdOptions>>((o, entra) =>
        {
            o.DefaultPolicy = EntraIdAuthentication.ScopeRequiredPolicy(entra.Value.Scope);
            o.FallbackPolicy = o.DefaultPolicy;
        });
        return services;
    }
}
