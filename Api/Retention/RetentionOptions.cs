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

    public string? Validate() => DaysAfterHandled is < 1 or > 3650 || Interval <= TimeSpan.Zero
        ? "Retention: DaysAfterHandled must be 1–3650 and Interval positive."
        : null;
}
