using System.ComponentModel.DataAnnotations;

namespace SmartPost.Api.Infrastructure.BulkWork;

/// <summary>
/// Section "BulkWork": how ingest (replies delivered machine to machine, retried by the sender) is kept behind the
/// caseworkers' own requests. Ingest runs on a few threads of its own, outside the thread pool. At most
/// <see cref="Concurrency"/> deliveries are in the process at once (read, waiting for an ingest thread or on one), the
/// next <see cref="QueueLimit"/> wait unread, and one more is told to come back (503 with Retry-After).
/// </summary>
public sealed class BulkWorkOptions
{
    public const string Section = "BulkWork";

    /// <summary>Replies ingested at the same time, each on a thread of its own (0: one per two CPU cores, at least one).</summary>
    [Range(0, 64, ErrorMessage = "BulkWork:Threads must be between 0 (one per two cores) and 64.")]
    public int Threads { get; set; }

    /// <summary>
    /// Deliveries in the process at once. Each holds its body in memory (up to 10 MB for MeMo); more than the ingest
    /// threads so that reading and answering, which happen on the thread pool, never leave an ingest thread idle.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "BulkWork:Concurrency must be between 1 and 10,000.")]
    public int Concurrency { get; set; } = 32;

    /// <summary>Deliveries that may wait, unread, for one of those places; one more is answered 503 with Retry-After.</summary>
    [Range(0, 100_000, ErrorMessage = "BulkWork:QueueLimit must be between 0 and 100,000.")]
    public int QueueLimit { get; set; } = 200;

    /// <summary>What the 503 tells the sender to wait before it delivers again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "BulkWork:RetryAfter must be between 1 second and 10 minutes.")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    public int ThreadCount => Threads > 0 ? Threads : Math.Max(1, Environment.ProcessorCount / 2);
}
