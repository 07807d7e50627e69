using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace SmartPost.Api.Infrastructure.BulkWork;

/// <summary>
/// Runs bulk work (ingest: linking, screening, the insert) on threads of its own at a lower OS priority instead of
/// in the thread pool. In the pool every piece of work waits first come, first served: an ingest's screening would
/// queue ahead of a caseworker's inbox page, and with a hundred requests queued an ingest's few steps would each wait
/// behind all of them. Here the OS scheduler gives the caseworkers' threads the CPU first, and the lane keeps what is
/// left. Awaits inside the work come back to the lane (it is the task scheduler they capture).
/// </summary>
public sealed class BulkWorkLane : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = new();
    private readonly int _priorityBelowNormal;
    [ThreadStatic] private static bool t_onLane;

    public BulkWorkLane(IOptions<BulkWorkOptions> options)
    {
        Threads = options.Value.ThreadCount;
        _priorityBelowNormal = options.Value.PriorityBelowNormal;
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

    // Only a lane thread may run lane work inline: a pool thread doing so would carry bulk work at normal priority.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => t_onLane && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        t_onLane = true;
        LowerPriority(_priorityBelowNormal);
        foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }

    private static void LowerPriority(int steps)
    {
        if (steps == 0) return;
        if (OperatingSystem.IsLinux())
        {
            // On Linux the nice value belongs to the thread, and PRIO_PROCESS with id 0 means the calling thread.
            // .NET's Thread.Priority does nothing there. Lowering needs no privilege.
            var current = getpriority(PrioProcess, 0);
            setpriority(PrioProcess, 0, Math.Min(19, current + steps));
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        }
    }

    private const int PrioProcess = 0;

    [DllImport("libc")]
    private static extern int getpriority(int which, int who);

    [DllImport("libc")]
    private static extern int setpriority(int which, int who, int prio);
}
