using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Operations;

/// <summary>A job that must run on one instance at a time (the WorkZone feed poller) under a database lock.</summary>
public class LeaderLeaseTests
{
    private static readonly TimeSpan Check = TimeSpan.FromMilliseconds(50);

    private sealed class Job
    {
        private int _running;
        public int Running => Volatile.Read(ref _running);
        public int MaxRunning;
        public readonly List<string> Leaders = [];

        public Func<CancellationToken, Task> As(string instance) => async ct =>
        {
            var now = Interlocked.Increment(ref _running);
            lock (Leaders) { Leaders.Add(instance); MaxRunning = Math.Max(MaxRunning, now); }
            try { await Task.Delay(Timeout.Infinite, ct); }
            finally { Interlocked.Decrement(ref _running); }
        };
    }

    private static LeaderLease Lease(TestDatabase database) => new(
        new DatabaseLocks(Options.Create(new DatabaseOptions
        {
            SqlitePath = database.SqlitePath,
            PostgresConnectionString = database.PostgresConnectionString,
        })),
        NullLogger<LeaderLease>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition(), what);
    }

    [Theory]
    [InlineData(DatabaseKind.Postgres)]
    [InlineData(DatabaseKind.Sqlite)]
    public async Task OnlyOneInstanceRunsTheJobAndAnotherTakesOverWhenItStops(DatabaseKind kind)
    {
        using var database = TestDatabase.Create(kind);
        var job = new Job();
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var a = Lease(database).RunWhileLeaderAsync("feed", Check, job.As("a"), stopA.Token);
        await WaitUntilAsync(() => job.Leaders.Count == 1, "the first instance never became leader");
        var b = Lease(database).RunWhileLeaderAsync("feed", Check, job.As("b"), stopB.Token);
        await Task.Delay(Check * 4); // b asks several times while a holds the lease
        Assert.Equal(["a"], job.Leaders);

        await stopA.CancelAsync();
        await a;
        await WaitUntilAsync(() => job.Leaders.Count == 2, "the second instance did not take over");
        Assert.Equal(["a", "b"], job.Leaders);
        Assert.Equal(1, job.MaxRunning);
        await stopB.CancelAsync();
        await b;
    }

    [Fact]
    public async Task WhenTheLeadersConnectionDiesItsJobIsCancelledAndOneInstanceLeadsAgain()
    {
        using var database = TestDatabase.Create(DatabaseKind.Postgres);
        var job = new Job();
        using var stop = new CancellationTokenSource();
        var a = Lease(database).RunWhileLeaderAsync("feed", Check, job.As("a"), stop.Token);
        await WaitUntilAsync(() => job.Leaders.Count == 1, "the first instance never became leader");
        var b = Lease(database).RunWhileLeaderAsync("feed", Check, job.As("b"), stop.Token);

        // The holder's session ends as it would when its process is killed or its network drops.
        await using (var admin = new NpgsqlConnection(database.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                admin);
            Assert.Equal(true, await kill.ExecuteScalarAsync());
        }

        // The old leader notices within one check interval and stops its job (until then a new leader may already
        // run, which is why the feed's work must be idempotent); then exactly one instance leads again.
        await WaitUntilAsync(() => job.Leaders.Count == 2 && job.Running == 1,
            $"no clean new term after the leader's connection died: leaders {string.Join(",", job.Leaders)}, running {job.Running}");
        await Task.Delay(Check * 4);
        Assert.Equal(2, job.Leaders.Count);
        Assert.Equal(1, job.Running);
        await stop.CancelAsync();
        await Task.WhenAll(a, b);
    }
}
