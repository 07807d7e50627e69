using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Screening;
using SmartPost.Api.Teams;

namespace SmartPost.Benchmarks;

/// <summary>
/// Issue 3 speed targets on SQLite: ingest ≥ 500 replies/s; first inbox page p95 ≤ 20 ms with 100,000 replies.
/// Run: benchmarks/generate-replies.sh (or dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*RepliesBenchmarks*' --job short --inProcess)
/// </summary>
[Config(typeof(P95Config))]
[MemoryDiagnoser]
public class RepliesBenchmarks
{
    public const int StoredReplies = 100_000;
    public const int IngestBatch = 100;
    private string _path = "";
    private ServiceProvider _services = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _path = Path.Combine(Path.GetTempPath(), $"smartpost-bench-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<AppDb>(o => o.UseSqlite($"Data Source={_path}"));
        services.AddOptions<RepliesOptions>();
        services.AddSingleton<ReplyScreener>();
        services.AddScoped<ReplyLinker>();
        services.AddScoped<ReplyIngest>();
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync();
        await ReplyDataGenerator.GenerateAsync(db, StoredReplies);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    /// <summary>Replies/s = IngestBatch / mean time.</summary>
    [Benchmark(OperationsPerInvoke = IngestBatch)]
    public async Task IngestOneReply()
    {
        for (var i = 0; i < IngestBatch; i++)
        {
            await using var scope = _services.CreateAsyncScope();
            var ingest = scope.ServiceProvider.GetRequiredService<ReplyIngest>();
            var n = Interlocked.Increment(ref _next);
            await ingest.IngestAsync(new IncomingReply($"doc:bench-{n}-{Guid.NewGuid():N}", null, $"bench-{n}", null, null, null, "team-bench",
                DateTimeOffset.UtcNow, "Sv: Afgørelse", ReplyDataGenerator.Texts[n % ReplyDataGenerator.Texts.Length], "CPR", "0101901234", [], null),
                "bench", CancellationToken.None);
        }
    }

    /// <summary>What GET /teams/{team}/replies does for the first page: totals + 50 rows in inbox order.</summary>
    [Benchmark]
    public async Task<int> InboxFirstPage()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var q = db.Set<Reply>().AsNoTracking().Where(r => r.Team == "team-3").WithStatus("unhandled");
        var totals = await TeamInboxController.TotalsAsync(q, CancellationToken.None);
        var rows = await q.InInboxOrder().Take(51).ToListAsync();
        return totals.All + rows.Count;
    }

    private sealed class P95Config : ManualConfig
    {
        public P95Config() => AddColumn(StatisticColumn.P95);
    }
}

/// <summary>Synthetic stored replies: 10 teams, ~30 % flagged, ~60 % handled, received over a year.</summary>
public static class ReplyDataGenerator
{
    public static readonly string[] Texts =
    [
        "Tak for brevet. Hermed den ønskede lægeerklæring.\n\nMvh",
        "Jeg vil gerne have aktindsigt i min sag og alle dokumenter.",
        "Jeg er uenig i afgørelsen og vil klage over den.",
        "Jeg beder om fristforlængelse, da jeg er i udlandet.",
        "Hvornår kan jeg forvente at høre fra jer?",
    ];

    public static async Task GenerateAsync(AppDb db, int count)
    {
        var random = new Random(42);
        var start = new DateTime(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var batch = 0; batch < count; batch += 5000)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = batch; i < Math.Min(count, batch + 5000); i++)
            {
                var kind = random.Next(10);
                var received = start.AddMinutes(random.Next(365 * 24 * 60));
                DateOnly? due = kind is 1 or 2 or 3 ? DateOnly.FromDateTime(received).AddDays(kind == 2 ? 28 : 9) : null;
                db.Add(new Reply
                {
                    SourceKey = $"doc:gen-{i}", DocumentId = $"gen-{i}", Team = $"team-{i % 10}", Routing = ReplyRouting.GivenTeam,
                    RoutingReason = "generated", ReceivedAt = received, IngestedAt = received, Subject = "Sv: brev",
                    Text = Texts[kind % Texts.Length], SenderIdType = "CPR", SenderId = "0101901234",
                    HasAccessToRecordsRequest = kind == 1, HasComplaint = kind == 2, HasDeadlineExtensionRequest = kind == 3,
                    FlagsJson = "[]", DueDate = due, SortDueDate = due ?? Reply.NoDueDate, IsHandled = random.Next(10) < 6,
                });
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            db.ChangeTracker.Clear();
        }
    }
}
