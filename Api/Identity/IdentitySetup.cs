using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using SmartPost.Api.Infrastructure;

namespace SmartPost.Api.Identity;

public static class IdentitySetup
{
    /// <summary>
    /// Team membership, team leads and out-of-office: from claims in Development, from Microsoft Graph
    /// (on behalf of the caseworker) everywhere else.
    /// </summary>
    public static IServiceCollection AddTeamIdentity(this IServiceCollection services, IHostEnvironment env)
    {
        services.AddOptions<TeamIdentityOptions>().BindConfiguration(TeamIdentityOptions.Section)
            .Validate(o => o.MembershipCacheLifetime > TimeSpan.Zero && o.MembershipStaleLimit >= o.MembershipCacheLifetime,
                "Identity:MembershipCacheLifetime must be positive and Identity:MembershipStaleLimit at least as long.")
            .Validate(o => Uri.TryCreate(o.GraphBaseUrl, UriKind.Absolute, out _), "Identity:GraphBaseUrl must be an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.TeamLeadRole), "Identity:TeamLeadRole must name the team-lead app role.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<TeamAccess>();

        if (env.IsDevelopment())
        {
            services.AddSingleton<ITeamMembership, ClaimsTeamMembership>();
            services.AddSingleton<IOutOfOfficeLookup, RotaAbsencesOnlyOutOfOfficeLookup>();
            return services;
        }

        services.AddHttpClient(OnBehalfOfTokens.HttpClientName);
        services.AddHttpClient(CaseworkerGraph.HttpClientName)
            .AddHttpMessageHandler(sp => new RetryHandler(new RetryHandlerOption
            {
                MaxRetry = sp.GetRequiredService<IOptions<TeamIdentityOptions>>().Value.GraphMaxRetries,
            }));
        services.AddSingleton<OnBehalfOfTokens>();
        services.AddSingleton<CaseworkerGraph>();
        services.AddSingleton<MembershipCache>();
        services.AddSingleton<ITeamMembership, GraphTeamMembership>();
        services.AddSingleton<IOutOfOfficeLookup, GraphOutOfOfficeLookup>();
        services.AddScoped<IClaimsTransformation, TeamClaimsTransformation>();
        return services;
    }
}
