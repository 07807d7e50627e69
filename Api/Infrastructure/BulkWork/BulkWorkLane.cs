using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace SmartPost.Api.Infrastructure.BulkWork;

/// <summary>
/// Runs bulk work (ingest: linking, screening, the insert) on threads of its own instead of in the thread pool. In
/// the pool every piece of work waits first come, first served: an ingest's screening would queue ahead of a
/// caseworker's inbox page, and with a hundred requests queued each of an ingest's steps would wait behind all of
/// them. Here the lane's threads bound how much bulk work runs at once, and while caseworkers' requests are in
/// progress (<see cref="InteractiveRequests"/>) each lane thread pauses after every piece of work so that it uses at
/// most <see cref="BulkWorkOptions.BusyShare"/> percent of its time: interactive first, bulk still progressing. With
/// no caseworker request in progress, the lane runs at full speed; and work that has waited in the lane longer than
/// <see cref="BulkWorkOptions.LongestWait"/> runs without pauses until the lane has caught up, so that a machine busy
/// with something else cannot starve ingest into the senders' time-outs. Awaits inside the work come back to the lane (it is the task
/// scheduler they capture).
/// </summary>
public sealed class BulkWorkLane : TaskScheduler, IDisposable
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);
    private readonly BlockingCollection<(Task Work, long QueuedAt)> _queue = new();
    private readonly double _pausePerRun;
    private readonly TimeSpan _longestWait;
    private readonly InteractiveRequests _interactive;
    [ThreadStatic] private static bool t_onLane;

    public BulkWorkLane(IOptions<BulkWorkOptions> options, InteractiveRequests interactive)
    {
        _interactive = interactive;
        Threads = options.Value.ThreadCount;
        _pausePerRun = (100.0 - options.Value.BusyShare) / options.Value.BusyShare;
        _longestWait = options.Value.LongestWait;
        for (var i = 0; i < Threads; i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"SmartPost bulk work {i + 1}" }.Start();
        }
    }

    public int Threads { get; }

    public override int MaximumConcurrencyLevel => Threads;

    /// <summary>Runs <paramref name="work"/> on the lane; its awaits continue there too.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct) =>
        t_onLane ? work() : Task.Factory.StartNew(work, ct, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    public void Dispose() => _queue.CompleteAdding();

    protected override void QueueTask(Task task) => _queue.Add((task, Stopwatch.GetTimestamp()));

    // Only a lane thread may run lane work inline: a pool thread doing so would run bulk work outside the lane's bounds.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => t_onLane && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray().Select(queued => queued.Work);

    private void Work()
    {
        t_onLane = true;
        foreach (var (task, queuedAt) in _queue.GetConsumingEnumerable())
        {
            var started = Stopwatch.GetTimestamp();
            var behind = Stopwatch.GetElapsedTime(queuedAt, started) > _longestWait;
            TryExecuteTask(task);
            if (_interactive.Any && !behind)
            {
                var pause = Stopwatch.GetElapsedTime(started) * _pausePerRun;
                Thread.Sleep(pause < LongestPause ? pause : LongestPause);
            }
        }
    }
}
