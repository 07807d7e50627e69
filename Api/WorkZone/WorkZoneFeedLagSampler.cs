using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Infrastructure.Telemetry;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// Reads the feed's last successful poll from the database every <see cref="TelemetryOptions.BacklogSampleInterval"/> for
/// the lag gauge, on every instance: an alert on the lag then fires even when no instance polls any more.
/// </summary>
internal sealed class WorkZoneFeedLagSampler(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<WorkZoneOptions> options, IOptions<TelemetryOptions> telemetry,
    ILogger<WorkZoneFeedLagSampler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured || !options.Value.Feed.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var progress = await WorkZoneFeedProgress.ReadAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), stoppingToken);
                if (progress.LastPollAt is { } last) SmartPostTelemetry.ReportFeedLag(clock.GetUtcNow() - last);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogDebug(e, "WorkZone feed lag not sampled (database unavailable?).");
            }
            try { await Task.Delay(telemetry.Value.BacklogSampleInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
