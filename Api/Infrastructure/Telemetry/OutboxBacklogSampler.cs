using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.WorkZone;

namespace SmartPost.Api.Infrastructure.Telemetry;

/// <summary>Reads the outbox backlog every <see cref="TelemetryOptions.BacklogSampleInterval"/> for the gauges.</summary>
internal sealed class OutboxBacklogSampler(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<TelemetryOptions> options, ILogger<OutboxBacklogSampler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var backlog = await OutboxBacklog.ReadAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), clock, stoppingToken);
                SmartPostTelemetry.ReportOutboxBacklog(backlog.Pending, backlog.OldestAge);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogDebug(e, "Outbox backlog not sampled (database unavailable?).");
            }
            try { await Task.Delay(options.Value.BacklogSampleInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
