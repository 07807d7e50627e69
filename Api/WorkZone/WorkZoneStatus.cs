namespace SmartPost.Api.WorkZone;

/// <summary>
/// The live state of the WorkZone connection for GET /api/v1/workzone/status and the dashboard: the feed's last
/// successful poll and queue, the last error, and an alert while Entra ID or WorkZone refuses our token.
/// In memory: after a restart it fills again with the first poll.
/// </summary>
public sealed class WorkZoneStatus(TimeProvider clock)
{
    private readonly object _gate = new();
    private DateTimeOffset? _lastPoll, _lastErrorAt, _authRefusedSince, _lastIngested;
    private string? _lastError, _authRefusal;
    private int _waiting;
    private long _ingested;
    private TimeSpan? _lastLag;
    private bool _leading;

    public sealed record Snapshot(
        DateTimeOffset? LastSuccessfulPoll, int RecordsWaiting, string? LastError, DateTimeOffset? LastErrorAt,
        DateTimeOffset? AuthRefusedSince, string? AuthRefusal, long IngestedSinceStart, DateTimeOffset? LastIngestedAt, TimeSpan? LastLag,
        bool PollsHere);

    /// <summary>When this instance started: before the first poll, the feed is given the lag limit to make one.</summary>
    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    public Snapshot Read()
    {
        lock (_gate) return new(_lastPoll, _waiting, _lastError, _lastErrorAt, _authRefusedSince, _authRefusal, _ingested, _lastIngested, _lastLag, _leading);
    }

    /// <summary>This instance holds the feed lease and polls (the others wait to take over).</summary>
    public void Leading(bool leading)
    {
        lock (_gate) _leading = leading;
    }

    public void PollSucceeded()
    {
        lock (_gate) (_lastPoll, _waiting) = (clock.GetUtcNow(), 0);
    }

    public void Waiting(int records)
    {
        lock (_gate) _waiting = records;
    }

    /// <summary>A reply was stored; <paramref name="journalizedAt"/> (when WorkZone has a time for it) gives the lag.</summary>
    public void Ingested(DateTimeOffset? journalizedAt)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            _ingested++;
            _lastIngested = now;
            if (journalizedAt is { } at) _lastLag = now - at;
            if (_waiting > 0) _waiting--;
        }
    }

    public void Failed(string error)
    {
        lock (_gate) (_lastError, _lastErrorAt) = (error, clock.GetUtcNow());
    }

    public void AuthRefused(string reason)
    {
        lock (_gate)
        {
            _authRefusedSince ??= clock.GetUtcNow();
            _authRefusal = reason;
        }
    }

    public void AuthAccepted()
    {
        lock (_gate) (_authRefusedSince, _authRefusal) = (null, null);
    }
}
