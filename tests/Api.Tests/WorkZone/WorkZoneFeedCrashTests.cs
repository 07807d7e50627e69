using SmartPost.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static SmartPost.Api.Tests.WorkZone.WorkZoneKit;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>The feed across a crash: the API process killed mid-feed and started again stores every record exactly once.</summary>
public class WorkZoneFeedCrashTests(ITestOutputHelper output)
{
    private const int Records = 200;

    [Fact]
    public async Task KilledMidFeedAndRestartedTheApiStoresEveryRecordExactlyOnce()
    {
        await using var standIn = await StartStandInAsync(seedIncoming: Records);
        using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var expected = standIn.Data.Snapshot().Select(r => $"doc:{r.ID}").ToHashSet();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        int atKill;
        using (var first = ApiProcess.StartAgainst(standIn, database.SqlitePath))
        {
            await EventuallyAsync(() => Task.FromResult(first.HasExited || StoredSourceKeys(database.SqlitePath).Count >= 30),
                TimeSpan.FromSeconds(90), "the feed under way");
            Assert.False(first.HasExited, first.Output);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killing the API with {StoredSourceKeys(database.SqlitePath).Count} stored");
            first.Kill();
            atKill = StoredSourceKeys(database.SqlitePath).Count;
        }
        Assert.InRange(atKill, 30, Records - 1); // killed in the middle of the feed

        using var second = ApiProcess.StartAgainst(standIn, database.SqlitePath);
        await EventuallyAsync(() => Task.FromResult(second.HasExited || StoredSourceKeys(database.SqlitePath).Count >= Records),
            TimeSpan.FromSeconds(90), "every record stored");
        Assert.False(second.HasExited, second.Output);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: all {Records} stored after the restart");
        // A few more polls over the same records must not add any.
        await Task.Delay(1500);
        var keys = StoredSourceKeys(database.SqlitePath);
        Assert.Equal(Records, keys.Count);
        Assert.True(expected.SetEquals(keys), "each WorkZone record is stored once, none missing");
    }
}
