using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Retention;

/// <summary>Runs <see cref="ReplyContentPurge"/> every <see cref="RetentionOptions.Interval"/>, on one instance at a time.</summary>
public sealed class RetentionJob(
    LeaderLease lease, IServiceScopeFactory scopes, IOptions<RetentionOptions> options, ILogger<RetentionJob> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Enabled
        ? lease.RunWhileLeaderAsync("retention", TimeSpan.FromSeconds(30), RunAsync, stoppingToken)
        : Task.CompletedTask;

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<ReplyContentPurge>().PurgeDueAsync(ct);
                if (purged > 0) log.LogInformation("Retention: removed text and attachments of {Count} handled replies.", purged);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Retention round failed; retrying next round.");
            }
            await Task.Delay(options.Value.Interval, ct);
        }
    }
}
