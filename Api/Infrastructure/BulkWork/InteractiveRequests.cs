namespace SmartPost.Api.Infrastructure.BulkWork;

/// <summary>
/// How many of the caseworkers' requests (everything that is not bulk work) are in progress right now: counted by
/// <see cref="BulkAdmission"/> as they pass the rate limiter, read by the <see cref="BulkWorkLane"/> to give way.
/// </summary>
public sealed class InteractiveRequests
{
    private int _inProgress;

    public bool Any => Volatile.Read(ref _inProgress) > 0;

    public IDisposable Enter()
    {
        Interlocked.Increment(ref _inProgress);
        return new Leaving(this);
    }

    private sealed class Leaving(InteractiveRequests requests) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) Interlocked.Decrement(ref requests._inProgress);
        }
    }
}
