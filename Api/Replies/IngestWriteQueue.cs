namespace SmartPost.Api.Replies;

/// <summary>
/// Lets one ingest at a time write to a SQLite file from this process. SQLite has a single writer; concurrent
/// requests that find the write lock taken wait in SQLite's busy handler, which sleeps in steps of 1, 2, 5, 10 … 100 ms
/// and so leaves the lock idle between writers. Queued here instead, the next writer starts the moment the previous
/// one commits. Each reply still commits in its own transaction. PostgreSQL writes concurrently and is not queued.
/// </summary>
public sealed class IngestWriteQueue(bool enabled = true)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<T> RunAsync<T>(bool sqlite, Func<Task<T>> write, CancellationToken ct)
    {
        if (!enabled || !sqlite) return await write();
        await _writer.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            _writer.Release();
        }
    }
}
