using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartPost.Api.Infrastructure.Health;

/// <summary>
/// Probes for load balancers and orchestrators, anonymous: <c>/health/live</c> answers while the process serves
/// requests (restart it when it does not); <c>/health/ready</c> runs every check tagged <see cref="Ready"/> and answers
/// 503 while one is unhealthy (send it no traffic). Degraded (e.g. an outbox backlog) stays 200: the API still works.
/// A feature joins readiness with <c>services.AddHealthChecks().AddCheck&lt;T&gt;(name, tags: [HealthSetup.Ready])</c>.
/// </summary>
public static class HealthSetup
{
    public const string Ready = "ready";
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<HealthOptions>().Bind(config.GetSection(HealthOptions.Section))
            .Validate(o => o.OutboxMaxAge > TimeSpan.Zero && o.WorkZoneFeedMaxLag > TimeSpan.Zero,
                "Health: OutboxMaxAge and WorkZoneFeedMaxLag must be positive.")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<OutboxBacklogHealthCheck>("outbox", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<ShutdownHealthCheck>("shutdown", tags: [Ready]);
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        var live = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportJson.WriteAsync };
        app.MapHealthChecks("/health", live).AllowAnonymous();
        app.MapHealthChecks("/health/live", live).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = HealthReportJson.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}

public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>An outbox change queued longer than this makes readiness "Degraded" (still 200).</summary>
    public TimeSpan OutboxMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The WorkZone feed's last successful poll longer ago than this makes readiness "Degraded" (still 200).</summary>
    public TimeSpan WorkZoneFeedMaxLag { get; set; } = TimeSpan.FromMinutes(10);
}
