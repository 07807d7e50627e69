using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Infrastructure.Telemetry;
using SmartPost.Api.Replies;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// Delivers queued "SmartPost behandlet" changes to the metadata store, oldest first and in order per document.
/// Transient failures (network, timeouts, 5xx, WorkZone refusing our token) are retried quickly with Polly, then left
/// queued with an exponential backoff (the reply shows "PendingSync") and end the round, since the store is down for every
/// document; conflicts and refusals are marked for a person ("Failed").
/// A row is leased (Attempts is a concurrency token) before delivery, so two API instances never send it both.
/// </summary>
public sealed class MetadataOutboxDelivery(
    IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, IOptions<MetadataSyncOptions> options,
    ILogger<MetadataOutboxDelivery> log) : BackgroundService
{
    public const string Actor = "system:metadata-sync";
    private readonly ResiliencePipeline _pipeline = BuildPipeline(options.Value);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Metadata outbox round failed; retrying next round.");
            }
            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>One round over the queue; public so benchmarks/tools can drive it directly.</summary>
    public async Task DeliverDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentMetadataStore>();
        var pending = await db.Set<MetadataOutboxMessage>().Where(m => m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.Id).Take(100).ToListAsync(ct);
        var blocked = new HashSet<string>(); // a later change to a document never overtakes an earlier one
        foreach (var row in pending)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (blocked.Contains(row.DocumentId) || row.NextAttemptAt > now || !await LeaseAsync(db, row, now, ct))
            {
                blocked.Add(row.DocumentId);
                continue;
            }

            using var activity = SmartPostTelemetry.Source.StartActivity("outbox deliver");
            activity?.SetTag("smartpost.reply.id", row.ReplyId).SetTag("smartpost.attempt", row.Attempts);
            try
            {
                var result = await _pipeline.ExecuteAsync(async token => await store.WriteAsync(row.ToChange(), token), ct);
                Complete(db, row, result, clock.GetUtcNow().UtcDateTime);
                SmartPostTelemetry.OutboxDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", row.Status.ToString()));
                activity?.SetTag("smartpost.outcome", row.Status.ToString());
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopping: hand the row back now rather than leave it leased until the lease runs out. A write
                // that did reach the store is harmless to repeat (the store skips a value it already has).
                row.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }
            catch (Exception e) when (IsTransient(e, ct))
            {
                SmartPostTelemetry.OutboxDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "Retry"));
                activity?.SetTag("smartpost.outcome", "Retry");
                row.NextAttemptAt = clock.GetUtcNow().UtcDateTime + Backoff(row.Attempts);
                row.LastError = e.Message;
                log.LogInformation("Metadata for reply {ReplyId} not delivered (attempt {Attempts}): {Error}", row.ReplyId, row.Attempts, e.Message);
                // The store is down or refuses our token: the rest of the queue would only wait for the same timeouts.
                await db.SaveChangesAsync(ct);
                return;
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<bool> LeaseAsync(AppDb db, MetadataOutboxMessage row, DateTime now, CancellationToken ct)
    {
        row.Attempts++;
        row.NextAttemptAt = now + options.Value.AttemptTimeout * (options.Value.InProcessRetries + 2);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(row).State = EntityState.Detached; // another instance has it
            return false;
        }
    }

    private static void Complete(AppDb db, MetadataOutboxMessage row, MetadataWriteResult result, DateTime now)
    {
        (row.Status, var kind) = result.Outcome switch
        {
            MetadataWriteOutcome.Applied => (OutboxStatus.Delivered, ReplyEventKind.MetadataSynced),
            MetadataWriteOutcome.Conflict => (OutboxStatus.Conflict, ReplyEventKind.MetadataSyncConflict),
            _ => (OutboxStatus.Failed, ReplyEventKind.MetadataSyncFailed),
        };
        row.DeliveredAt = row.Status == OutboxStatus.Delivered ? now : null;
        row.LastError = row.Status == OutboxStatus.Delivered ? null : result.Detail;
        db.Add(new ReplyEvent
        {
            ReplyId = row.ReplyId, At = now, Actor = Actor, Kind = kind,
            Detail = $"{What(row)} på dokument {row.DocumentId}" + (result.Detail is null ? "" : $": {result.Detail}"),
        });
    }

    private static string What(MetadataOutboxMessage row) => row.Kind switch
    {
        MetadataKind.Deadline => $"Frist {row.Value}",
        MetadataKind.FindingKinds => "Fund",
        _ => row.Handled ? "SmartPost behandlet" : "SmartPost behandlet fjernet",
    };

    private TimeSpan Backoff(int attempts)
    {
        var o = options.Value;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromTicks((long)Math.Min(o.MaxRetryDelay.Ticks, o.RetryBaseDelay.Ticks * factor));
    }

    private static bool IsTransient(Exception e, CancellationToken ct) =>
        e is HttpRequestException or TimeoutRejectedException || (e is TaskCanceledException && !ct.IsCancellationRequested);

    private static ResiliencePipeline BuildPipeline(MetadataSyncOptions o)
    {
        var builder = new ResiliencePipelineBuilder();
        if (o.InProcessRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = o.InProcessRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = o.RetryBaseDelay,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TimeoutRejectedException>(),
            });
        }
        return builder.AddTimeout(o.AttemptTimeout).Build();
    }
}
