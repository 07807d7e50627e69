using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Infrastructure.Health;

/// <summary>The database answers a query.</summary>
internal sealed class DatabaseHealthCheck(AppDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var provider = db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
        var data = new Dictionary<string, object> { ["provider"] = provider };
        return await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy($"{provider} answers.", data)
            : HealthCheckResult.Unhealthy($"{provider} does not answer.", data: data);
    }
}

/// <summary>Every migration this build knows is applied (a new version started on an old schema is not ready).</summary>
internal sealed class MigrationsHealthCheck(AppDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        var data = new Dictionary<string, object> { ["pending"] = pending.Count };
        return pending.Count == 0
            ? HealthCheckResult.Healthy("All migrations applied.", data)
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.", data: data);
    }
}

/// <summary>Unhealthy from the moment the host begins to stop, so the load balancer drains this instance first.</summary>
internal sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Stopping.")
            : HealthCheckResult.Healthy("Running."));
}
