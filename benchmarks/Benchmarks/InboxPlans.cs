using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Teams;

namespace SmartPost.Benchmarks;

/// <summary>
/// Prints the SQL the inbox and shared searches send (from EF itself, CreateDbCommand) with the database's plan:
/// EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, plus the median of up to 20 runs.
///   dotnet run -c Release --project benchmarks/Benchmarks -- explain-inbox sqlite:/tmp/smartpost-inbox-1000000.db
/// Used for docs/inbox-at-scale.md.
/// </summary>
public static class InboxPlans
{
    private const string Team = "team-helbred";

    public static async Task<int> RunAsync(string target)
    {
        var (postgres, config) = DatabaseTarget.Parse(target);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDatabase(config);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.OpenConnectionAsync();

        IQueryable<Reply> Inbox(string status) => db.Set<Reply>().AsNoTracking().Where(r => r.Team == Team).WithStatus(status);
        var skip = Math.Min(50_000, await Inbox("handled").CountAsync() / 2);
        var deep = await Inbox("handled").InInboxOrder().Skip(skip).Select(r => new { r.SortDueDate, r.ReceivedAt, r.Id }).FirstAsync();
        var cursor = new InboxCursor(deep.SortDueDate, deep.ReceivedAt, deep.Id);
        var search = new SearchMatcher([new SearchTermRequest { Term = "aktindsigt", Variants = ["indsigt i min sag"] }]);
        var rare = new SearchMatcher([new SearchTermRequest { Term = "aarhus" }]);

        var queries = new (string Name, IQueryable Query)[]
        {
            ("first page, unhandled", Inbox("unhandled").InInboxOrder().Take(51).ListColumns()),
            ("totals (maintained counts)", db.Set<TeamReplyCount>().AsNoTracking().Where(c => c.Team == Team && c.IsHandled == false)),
            ("totals counted over the team's unhandled replies (before: on every page)", Counted(Inbox("unhandled"))),
            ("totals counted over all the team's replies (before: on every page of status=all)", Counted(Inbox("all"))),
            ("first page, unhandled, flag=Complaint", Inbox("unhandled").WithFlag("Complaint").InInboxOrder().Take(51).ListColumns()),
            ("first page, status=all", Inbox("all").InInboxOrder().Take(51).ListColumns()),
            ($"page after {skip:N0} handled replies (keyset cursor)", Inbox("handled").After(cursor, rowValues: postgres).InInboxOrder().Take(51).ListColumns()),
            ("shared search 'aktindsigt' (all statuses): hits counted", search.Matching(Inbox("all"), db).Select(r => r.Id)),
            ("shared search 'aktindsigt' (all statuses): first 100", search.Matching(Inbox("all"), db).InInboxOrder().Take(100).Select(r => new { r.Id, r.SearchText })),
            ("shared search 'aarhus' (unhandled): first 100", rare.Matching(Inbox("unhandled"), db).InInboxOrder().Take(100).Select(r => new { r.Id, r.SearchText })),
        };
        foreach (var (name, query) in queries)
        {
            await using var command = ((IQueryable<object>)query.Cast<object>()).CreateDbCommand();
            command.Connection = db.Database.GetDbConnection();
            if (name.EndsWith("hits counted", StringComparison.Ordinal)) command.CommandText = $"SELECT COUNT(*) FROM ({command.CommandText}) AS hits";
            var sql = command.CommandText;
            Console.WriteLine($"### {name}\n\n```sql\n{sql}\n```\n");
            command.CommandText = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql;
            Console.WriteLine("```");
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    Console.WriteLine(postgres ? reader.GetString(0) : $"{new string(' ', 2 * Depth(reader))}{reader.GetString(3)}");
            }
            command.CommandText = sql;
            var (median, runs) = await MedianMsAsync(command);
            Console.WriteLine($"```\n\nmedian of {runs} runs (rows read to the end): {median:F2} ms\n");
        }
        return 0;
    }

    /// <summary>The aggregate the inbox ran for its totals before the maintained counts (TeamInboxController.TotalsAsync).</summary>
    private static IQueryable<FlagTotals> Counted(IQueryable<Reply> q) => q.GroupBy(_ => 1).Select(g => new FlagTotals(
        g.Count(), g.Count(r => r.HasAccessToRecordsRequest), g.Count(r => r.HasComplaint), g.Count(r => r.HasDeadlineExtensionRequest),
        g.Count(r => r.NeedsManualScreening), g.Count(r => r.ScreenedAt == null)));

    private static readonly Dictionary<int, int> Depths = new();

    /// <summary>SQLite's plan rows are (id, parent, notused, detail): indent by the parent chain.</summary>
    private static int Depth(DbDataReader reader)
    {
        var id = reader.GetInt32(0);
        var parent = reader.GetInt32(1);
        var depth = parent == 0 ? 0 : Depths.GetValueOrDefault(parent) + 1;
        Depths[id] = depth;
        return depth;
    }

    /// <summary>Median of up to 20 runs (at least 3; no new run after 3 s).</summary>
    private static async Task<(double Median, int Runs)> MedianMsAsync(DbCommand command)
    {
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < 20 && (i < 3 || total.Elapsed.TotalSeconds < 3); i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var reader = await command.ExecuteReaderAsync()) while (await reader.ReadAsync()) { }
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times.Count);
    }
}
