namespace SmartPost.Api.Retention;

/// <summary>
/// Section "Retention": how long citizens' words stay in our copy after the reply is "SmartPost behandlet".
/// WorkZone is the record system; this product only needs the text while the reply is being handled.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public bool Enabled { get; set; } = true;

    /// <summary>Days after "SmartPost behandlet" before text, subject, evidence quotes and attachment contents go.</summary>
    public int DaysAfterHandled { get; set; } = 90;

    /// <summary>How often the purge runs (on one instance at a time).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Replies purged per transaction.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Rest between two batches of one round, so a large backlog does not hold a core.</summary>
    public TimeSpan BatchPause { get; set; } = TimeSpan.FromMilliseconds(100);

    public string? Validate() => DaysAfterHandled is < 1 or > 3650 || Interval <= TimeSpan.Zero
                                 || BatchSize is < 1 or > 10_000 || BatchPause < TimeSpan.Zero
        ? "Retention: DaysAfterHandled must be 1–3650, Interval positive, BatchSize 1–10000 and BatchPause not negative."
        : null;
}
