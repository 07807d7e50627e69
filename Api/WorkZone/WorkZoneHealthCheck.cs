using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Infrastructure.Health;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// Readiness check "workzone": the feed's lag and whether WorkZone answered its latest poll (from the database, so every
/// instance reports the same, whichever polls), and whether WorkZone or Entra ID refuses our token. Never worse than
/// Degraded: without WorkZone the API still serves caseworkers (marks wait in the outbox), so it must stay in the load
/// balancer. Data carries times, kinds and counts for operators — no record titles, text or WorkZone error text.
/// </summary>
internal sealed class WorkZoneHealthCheck(
    AppDb db, WorkZoneStatus status, TimeProvider clock, IOptions<WorkZoneOptions> options, IOptions<HealthOptions> health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var o = options.Value;
        var data = new Dictionary<string, object> { ["configured"] = o.IsConfigured, ["feedEnabled"] = o.IsConfigured && o.Feed.Enabled };
        if (!o.IsConfigured) return HealthCheckResult.Healthy("WorkZone not configured: replies arrive by POST, marks stay in our database.", data);

        var local = status.Read();
        data["pollsHere"] = local.PollsHere;
        if (local.AuthRefusedSince is { } refusedSince)
        {
            data["accessRefusedSince"] = Iso(refusedSince);
            return HealthCheckResult.Degraded("WorkZone or Entra ID refuses our token; writes and the feed wait.", data: data);
        }
        if (!o.Feed.Enabled) return HealthCheckResult.Healthy("Feed off; writes to WorkZone are watched by the outbox check.", data);

        var progress = await WorkZoneFeedProgress.ReadAsync(db, ct);
        var now = clock.GetUtcNow();
        var maxLag = health.Value.WorkZoneFeedMaxLag;
        data["maxLagSeconds"] = Math.Round(maxLag.TotalSeconds);
        if (progress.LastPollAt is { } last)
        {
            data["lastSuccessfulPoll"] = Iso(last);
            data["lagSeconds"] = Math.Round((now - last).TotalSeconds);
        }
        if (progress.LastFailureAt is { } failedAt)
        {
            data["lastFailureAt"] = Iso(failedAt);
            data["lastFailure"] = progress.LastFailure ?? "";
        }

        if (progress.Failing) return HealthCheckResult.Degraded($"WorkZone unreachable: the latest feed poll failed ({progress.LastFailure}).", data: data);
        if (progress.LastPollAt is not { } lastPoll)
        {
            return now - status.StartedAt > maxLag
                ? HealthCheckResult.Degraded($"No successful WorkZone feed poll in {maxLag.TotalMinutes:0.#} min.", data: data)
                : HealthCheckResult.Healthy("Waiting for the first WorkZone feed poll.", data);
        }
        var lag = now - lastPoll;
        return lag > maxLag
            ? HealthCheckResult.Degraded($"The last successful WorkZone feed poll was {lag.TotalMinutes:0.#} min ago.", data: data)
            : HealthCheckResult.Healthy($"Feed polled {lag.TotalSeconds:0} s ago.", data);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
