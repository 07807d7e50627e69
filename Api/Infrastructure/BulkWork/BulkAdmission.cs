using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SmartPost.Api.Infrastructure.BulkWork;

/// <summary>
/// Admission of bulk requests (POST /api/v1/replies) before their body is read: <see cref="BulkWorkOptions.Concurrency"/>
/// at once, the next <see cref="BulkWorkOptions.QueueLimit"/> waiting oldest first, one more refused (the rate limiter
/// answers 503 with Retry-After; nothing of it is stored). The CPU work itself is bounded by the lane's threads. Every
/// other request passes straight through: the caseworkers' requests are never queued here.
/// </summary>
public sealed class BulkAdmission : PartitionedRateLimiter<HttpContext>
{
    private readonly ConcurrencyLimiter _ingest;

    public BulkAdmission(IOptions<BulkWorkOptions> options)
    {
        _ingest = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.Concurrency,
            QueueLimit = options.Value.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public static bool IsBulk(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Value?.TrimEnd('/') ?? "").Equals("/api/v1/replies", StringComparison.OrdinalIgnoreCase);

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) =>
        IsBulk(resource.Request) ? _ingest.GetStatistics() : null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        IsBulk(resource.Request) ? _ingest.AttemptAcquire(permitCount) : Admitted.Lease;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        IsBulk(resource.Request) ? _ingest.AcquireAsync(permitCount, cancellationToken) : ValueTask.FromResult<RateLimitLease>(Admitted.Lease);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _ingest.Dispose();
    }

    private sealed class Admitted : RateLimitLease
    {
        public static readonly Admitted Lease = new();
        public override bool IsAcquired => true;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
