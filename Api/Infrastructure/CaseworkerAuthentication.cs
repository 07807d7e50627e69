using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace SmartPost.Api.Infrastructure;

/// <summary>Claim types the API reads; the identity layer (dev header now, Entra ID later) fills them.</summary>
public static class CaseworkerClaims
{
    public const string Team = "smartpost/team";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Unauthenticated caller.");

    public static IReadOnlyList<string> Teams(this ClaimsPrincipal user) =>
        user.FindAll(Team).Select(c => c.Value).ToList();
}

public static class CaseworkerAuthentication
{
    /// <summary>Every endpoint requires an authenticated caseworker unless it opts out (health, Swagger).</summary>
    public static IServiceCollection AddCaseworkerAuthentication(this IServiceCollection services, IHostEnvironment env)
    {
        var auth = services.AddAuthentication(DevHeaderAuthenticationHandler.SchemeName);
        if (env.IsDevelopment())
        {
            auth.AddScheme<AuthenticationSchemeOptions, DevHeaderAuthenticationHandler>(
                DevHeaderAuthenticationHandler.SchemeName, null);
        }
        else
        {
            // Until single sign-on lands there is no production scheme: every request is 401.
            auth.AddScheme<AuthenticationSchemeOptions, NoIdentityHandler>(DevHeaderAuthenticationHandler.SchemeName, null);
        }

        services.AddSingleton<ITeamMembership, ClaimsTeamMembership>();
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}
