using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SmartPost.Api.Infrastructure.BulkWork;

/// <summary>
/// Runs bulk work (ingest: linking, screening, the insert) on threads of its own instead of in the thread pool. In
/// the pool every piece of work waits first come, first served: an ingest's screening queues ahead of a caseworker's
/// inbox page, and sixty deliveries in flight put sixty ingests' steps in the queue. Here at most
/// <see cref="Threads"/> replies are worked on at once, whatever the number of deliveries, and none of their steps
/// waits in (or adds to) the pool's queue. Awaits inside the work come back to the lane (it is the task scheduler they
/// capture).
/// </summary>
public sealed class BulkWorkLane : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = new();
    [ThreadStatic] private static bool t_onLane;

    public BulkWorkLane(IOptions<BulkWorkOptions> options)
    {
        Threads = options.Value.ThreadCount;
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

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Only a lane thread may run lane work inline: a pool thread doing so would run bulk work outside the lane's bound.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => t_onLane && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        t_onLane = true;
        foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }
}
