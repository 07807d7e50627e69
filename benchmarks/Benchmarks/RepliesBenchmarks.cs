using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Screening;
using SmartPost.Api.Teams;

namespace SmartPost.Benchmarks;

/// <summary>
/// Shared searches over one team's 10,000 replies (100,000 stored). Ingest and the first inbox page are in
/// RepliesAtScaleBenchmarks.cs. Run: dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*RepliesBenchmarks*' --job short
/// </summary>
[Config(typeof(P95Config))]
[MemoryDiagnoser]
public class RepliesBenchmarks
{
    public const int StoredReplies = 100_000;
    private string _path = "";
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public async Task SetupAsync() => (_services, _path) = await RepliesAtScale.StartAsync();

    [GlobalCleanup]
    public void Cleanup() => RepliesAtScale.Stop(_services, _path);

    /// <summary>A shared search over one team's 10,000 replies: hits counted and the first 100 read from the word index.</summary>
    [Benchmark]
    public async Task<int> SharedSearch()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var matcher = new SearchMatcher([new SearchTermRequest { Term = "fristforlængelse", Variants = ["udsættelse"] }]);
        var hits = matcher.Matching(db.Set<Reply>().AsNoTracking().Where(r => r.Team == "team-3").WithStatus("all"), db);
        var total = await hits.CountAsync();
        var page = await hits.InInboxOrder().Take(100).Select(r => new { r.Id, r.SearchText }).ToListAsync();
        return total + page.Count(c => matcher.Match(c.SearchText).Count > 0);
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
                    Text = Texts[kind % Texts.Length], SearchText = ReplySearchText.Build("Sv: brev", Texts[kind % Texts.Length]), SenderIdType = "CPR", SenderId = "0101901234",
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
