using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Calendar;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Screening;
using SmartPost.Api.Teams;

namespace SmartPost.Benchmarks;

/// <summary>
/// Issue 3 on SQLite with 100,000 stored replies (ReplyDataGenerator), with the app's own registrations for the
/// database and the screening engine (AddDatabase, AddScreening), so ingest screens each reply as the API does.
/// Run: dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*RepliesAtScale*'
/// </summary>
internal static class RepliesAtScale
{
    public static async Task<(ServiceProvider Services, string Path)> StartAsync()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"smartpost-bench-{Guid.NewGuid():N}.db");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SqlitePath"] = path }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDatabase(config);
        services.AddCalendar(config);
        services.AddScreening(config);
        services.AddOptions<RepliesOptions>();
        services.AddScoped<ReplyLinker>();
        services.AddScoped<ReplyIngest>();
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync();
        await ReplyDataGenerator.GenerateAsync(db, RepliesBenchmarks.StoredReplies);
        return (provider, path);
    }

    public static void Stop(ServiceProvider services, string path)
    {
        services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}

/// <summary>Ingest ≥ 500 replies/s: replies/s = 1 / (mean per operation); one ingest per DI scope, as one request.</summary>
[MemoryDiagnoser]
public class ReplyIngestAtScaleBenchmarks
{
    private const int Batch = 100;
    private ServiceProvider _services = null!;
    private string _path = "";
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync() => (_services, _path) = await RepliesAtScale.StartAsync();

    [GlobalCleanup]
    public void Cleanup() => RepliesAtScale.Stop(_services, _path);

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task IngestOneReply()
    {
        for (var i = 0; i < Batch; i++)
        {
            await using var scope = _services.CreateAsyncScope();
            var ingest = scope.ServiceProvider.GetRequiredService<ReplyIngest>();
            var n = Interlocked.Increment(ref _next);
            await ingest.IngestAsync(new IncomingReply($"doc:bench-{n}-{Guid.NewGuid():N}", null, $"bench-{n}", null, null, null, "team-bench",
                DateTimeOffset.UtcNow, "Sv: Afgørelse", ReplyDataGenerator.Texts[n % ReplyDataGenerator.Texts.Length], "CPR", "0101901234", [], null),
                "bench", CancellationToken.None);
        }
    }
}

/// <summary>
/// First inbox page p95 ≤ 20 ms: one call per iteration (InvocationCount = 1), 200 iterations, so P95 is the 95th
/// percentile of single calls (outliers kept), not of iteration means. Same work as GET /teams/{team}/replies: the team's counts + 50 rows.
/// </summary>
[Config(typeof(SingleCallConfig))]
[MemoryDiagnoser]
public class InboxFirstPageAtScaleBenchmarks
{
    private ServiceProvider _services = null!;
    private string _path = "";

    [GlobalSetup]
    public async Task SetupAsync() => (_services, _path) = await RepliesAtScale.StartAsync();

    [GlobalCleanup]
    public void Cleanup() => RepliesAtScale.Stop(_services, _path);

    [Benchmark]
    public async Task<int> InboxFirstPage()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var q = db.Set<Reply>().AsNoTracking().Where(r => r.Team == "team-3").WithStatus("unhandled");
        var totals = await TeamReplyCount.ReadAsync(db, "team-3", "unhandled", CancellationToken.None);
        var (rows, _) = await TeamInboxController.PageAsync(db, q, null, null, 50, CancellationToken.None);
        return totals.All + rows.Count;
    }

    private sealed class SingleCallConfig : ManualConfig
    {
        public SingleCallConfig()
        {
            AddJob(Job.Default.WithWarmupCount(20).WithIterationCount(200).WithInvocationCount(1).WithUnrollFactor(1)
                .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove).WithId("SingleCall"));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
