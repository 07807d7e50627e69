namespace SmartPost.Api.WorkZone;

/// <summary>Configuration section "MetadataSync": how the outbox delivers "SmartPost behandlet".</summary>
public sealed class MetadataSyncOptions
{
    public const string Section = "MetadataSync";

    /// <summary>How often the outbox is checked when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay of the exponential backoff, both for quick in-process retries and for later rounds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between rounds while the store is down; the change stays queued however long it takes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Quick retries (Polly) within one round before the row waits for the next round.</summary>
    public int InProcessRetries { get; set; } = 2;

    /// <summary>Time limit for one attempt (GET + PATCH).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public string? Validate() =>
        PollInterval <= TimeSpan.Zero || RetryBaseDelay <= TimeSpan.Zero || MaxRetryDelay < RetryBaseDelay
        || AttemptTimeout <= TimeSpan.Zero || InProcessRetries is < 0 or > 10
            ? "MetadataSync: PollInterval, RetryBaseDelay, AttemptTimeout must be positive, MaxRetryDelay ≥ RetryBaseDelay, InProcessRetries 0–10."
            : null;
}
