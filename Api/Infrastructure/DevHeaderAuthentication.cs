using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Development-only identity: <c>X-Dev-User: &lt;user id&gt;</c>, optional <c>X-Dev-Teams: team-a,team-b</c> and
/// optional <c>X-Dev-Roles: SmartPost.TeamLead</c> (the app roles an Entra token would carry).
/// Registered only when the host environment is Development, so Production never accepts the header.
/// </summary>
public sealed class DevHeaderAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevHeader";
    public const string UserHeader = "X-Dev-User";
    public const string TeamsHeader = "X-Dev-Teams";
    public const string RolesHeader = "X-Dev-Roles";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[UserHeader].ToString().Trim();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new(ClaimTypes.Name, user) };
        claims.AddRange(ListHeader(TeamsHeader).Select(team => new Claim(CaseworkerClaims.Team, team)));
        claims.AddRange(ListHeader(RolesHeader).Select(role => new Claim(ClaimTypes.Role, role)));

        var identity = new ClaimsIdentity(claims, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private string[] ListHeader(string name) => Request.Headers[name].ToString()
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Outside Development the dev header must not even be configurable: a leftover setting stops start-up.</summary>
public static class DevHeaderGuard
{
    public const string Section = "Authentication:DevHeader";

    public static void RefuseDevHeaderSettings(IServiceCollection services, IHostEnvironment env)
    {
        services.AddOptions<DevHeaderSettings>()
            .Configure<IConfiguration>((o, config) => o.ConfiguredKeys = config.GetSection(Section).AsEnumerable(makePathsRelative: true)
                .Where(kv => kv.Value is not null).Select(kv => kv.Key).ToList())
            .Validate(o => o.ConfiguredKeys.Count == 0,
                $"The X-Dev-User header identity is for Development only, but '{Section}' is configured in the "
                + $"'{env.EnvironmentName}' environment. Remove every {Section} setting (environment variables "
                + "Authentication__DevHeader__*, appsettings) or run with ASPNETCORE_ENVIRONMENT=Development.")
            .ValidateOnStart();
    }

    public sealed class DevHeaderSettings
    {
        public List<string> ConfiguredKeys { get; set; } = [];
    }
}
