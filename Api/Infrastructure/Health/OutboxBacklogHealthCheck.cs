using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.WorkZone;

namespace SmartPost.Api.Infrastructure.Health;

/// <summary>
/// "SmartPost behandlet" changes waiting for the metadata store. A long-waiting change means WorkZone is down or
/// refusing: Degraded (the API still serves caseworkers, nothing is lost), with the count and age for operators.
/// </summary>
internal sealed class OutboxBacklogHealthCheck(AppDb db, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var (count, age) = await OutboxBacklog.ReadAsync(db, clock, ct);
        var data = new Dictionary<string, object> { ["pending"] = count, ["oldestAgeSeconds"] = Math.Round(age.TotalSeconds) };
        return age > options.Value.OutboxMaxAge
            ? HealthCheckResult.Degraded($"{count} change(s) waiting; the oldest for {age.TotalMinutes:0} min.", data: data)
            : HealthCheckResult.Healthy($"{count} change(s) waiting.", data);
    }
}
