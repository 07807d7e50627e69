namespace SmartPost.Api.Infrastructure.Database;

/// <summary>
/// Runs a job on one API instance at a time: the instance holding the named <see cref="DatabaseLocks"/> lock runs it,
/// the others wait and take over within <c>checkInterval</c> when the holder stops, crashes or loses its connection.
/// The job's token is cancelled when this instance stops or loses the lock. When a holder's connection dies it learns
/// so only at its next check, while another instance may already have taken over: the job's work must be idempotent.
/// </summary>
public sealed class LeaderLease(DatabaseLocks locks, ILogger<LeaderLease> log)
{
    public async Task RunWhileLeaderAsync(string name, TimeSpan checkInterval, Func<CancellationToken, Task> job, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DatabaseLock? held;
            try
            {
                held = await locks.TryAcquireAsync(name, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // stopping while asking for the lease: nothing is held
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Could not ask for the {Lease} lease; retrying.", name);
                held = null;
            }
            if (held is null)
            {
                await DelayAsync(checkInterval, stoppingToken);
                continue;
            }

            await using (held)
            {
                log.LogInformation("This instance now runs {Lease}.", name);
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var watch = WatchAsync(held, checkInterval, leading);
                try
                {
                    await job(leading.Token);
                }
                catch (OperationCanceledException) when (leading.IsCancellationRequested)
                {
                    // Stopped or lost the lease: the next holder carries on.
                }
                finally
                {
                    await leading.CancelAsync();
                    await watch;
                }
                log.LogInformation("This instance no longer runs {Lease}.", name);
            }
        }
    }

    /// <summary>Cancels the job as soon as the lock turns out to be lost.</summary>
    private static async Task WatchAsync(DatabaseLock held, TimeSpan checkInterval, CancellationTokenSource leading)
    {
        try
        {
            while (!leading.IsCancellationRequested)
            {
                await Task.Delay(checkInterval, leading.Token);
                if (!await held.IsHeldAsync(leading.Token)) await leading.CancelAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended or the instance is stopping.
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try { await Task.Delay(delay, ct); }
        catch (OperationCanceledException) { /* stopping */ }
    }
}
