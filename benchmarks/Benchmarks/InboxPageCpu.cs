using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Teams;

namespace SmartPost.Benchmarks;

/// <summary>
/// CPU time (the process's, not wall-clock) of the first inbox page's parts, in process and on one thread, so a loaded
/// machine inflates it little: the team's counts, the 50 rows, the list items and the JSON, each as the EF LINQ query
/// the page used to build per request and as the precompiled query it uses now (on PostgreSQL also the hand-written
/// batch the page uses there).
///   dotnet run -c Release --project benchmarks/Benchmarks -- inbox-cpu sqlite:/tmp/smartpost-inbox-100000.db [team]
/// </summary>
public static class InboxPageCpu
{
    public static async Task<int> RunAsync(string target, string team)
    {
        var (postgres, config) = DatabaseTarget.Parse(target);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDatabase(config);
        await using var provider = services.BuildServiceProvider();
        var settings = new JsonSerializerSettings();
        ApiPlumbing.Configure(settings);
        ConverterCachingContractResolver.Apply(settings);
        var serializer = JsonSerializer.Create(settings);
        var now = DateTime.UtcNow;

        async Task<int> Scope(Func<AppDb, Task<int>> work)
        {
            await using var scope = provider.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
        }

        IQueryable<Reply> Unhandled(AppDb db) => db.Set<Reply>().AsNoTracking().Where(r => r.Team == team).WithStatus("unhandled");
        var rows = await Scope(async db => (await PlainInboxPage.PageAsync(db, team, "unhandled", null, 50, default)).Rows.Count);
        Console.WriteLine($"{team}: {rows} rows on the first page; load {File.ReadAllText("/proc/loadavg").Trim()}");

        // The SQL the precompiled queries send, per status and cursor (EF fixes "@handled IS NULL OR …" per value).
        if (!postgres)
        {
            var logged = new DbContextOptionsBuilder<AppDb>().UseSqlite($"Data Source={target["sqlite:".Length..]}")
                .LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).Options;
            await using var db = new AppDb(logged);
            var first = await PlainInboxPage.PageAsync(db, team, "all", null, 2, default);
            await PlainInboxPage.PageAsync(db, team, "unhandled", InboxCursor.From(first.Rows[^1]), 2, default);
            await TeamReplyCount.ReadAsync(db, team, "all", default);
        }

        var parts = new (string Name, Func<Task<int>> Run)[]
        {
            ("empty scope + DbContext", () => Scope(_ => Task.FromResult(0))),
            ("counts, LINQ per request (before)", () => Scope(async db =>
            {
                var counts = await db.Set<TeamReplyCount>().AsNoTracking().Where(c => c.Team == team).Where(c => c.IsHandled == false).ToListAsync();
                return counts.Sum(c => c.Total);
            })),
            ("counts, precompiled (after)", () => Scope(async db => (await TeamReplyCount.ReadAsync(db, team, "unhandled", default)).All)),
            ("50 rows, LINQ per request (before)", () => Scope(async db => (await TeamInboxController.PageAsync(db, Unhandled(db), null, null, 50, default)).Rows.Count)),
            ("50 rows, precompiled (after)", () => Scope(async db => (await PlainInboxPage.PageAsync(db, team, "unhandled", null, 50, default)).Rows.Count)),
            ("counts + rows, one connection (after)", () => Scope(async db =>
            {
                await db.Database.OpenConnectionAsync();
                var totals = await TeamReplyCount.ReadAsync(db, team, "unhandled", default);
                return totals.All + (await PlainInboxPage.PageAsync(db, team, "unhandled", null, 50, default)).Rows.Count;
            })),
        };
        if (postgres)
        {
            parts = [.. parts, ("counts + rows, one prepared Npgsql batch (PostgreSQL, as served)", () => Scope(async db =>
            {
                await db.Database.OpenConnectionAsync();
                var (totals, rows, _) = await PostgresInboxPage.ReadAsync(
                    (Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), team, "unhandled", null, 50, default);
                return totals.All + rows.Count;
            }))];
        }
        foreach (var (name, run) in parts) await MeasureAsync(name, run);

        List<Reply> page;
        await using (var scope = provider.CreateAsyncScope())
            page = (await PlainInboxPage.PageAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), team, "unhandled", null, 50, default)).Rows;
        await MeasureAsync("50 list items (flags read, CPR masked)", () => Task.FromResult(page.Select(r => ReplyViews.ToListItem(r, now, TimeSpan.FromHours(4))).Count()));
        var items = page.Select(r => ReplyViews.ToListItem(r, now, TimeSpan.FromHours(4))).ToList();
        var inbox = new InboxPage(team, "unhandled", items, "x", new FlagTotals(1, 1, 1, 1, 1, 1), 1, null, null);
        var size = 0L;
        await MeasureAsync("JSON of the page (serializer, API settings; before)", () =>
        {
            using var stream = new MemoryStream();
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            using (var json = new JsonTextWriter(writer)) serializer.Serialize(json, inbox);
            size = stream.Length;
            return Task.FromResult(0);
        });
        await MeasureAsync("JSON of the page (InboxPageJson, as served)", () =>
        {
            using var text = new PooledCharWriter(32 * 1024);
            using (var json = new JsonTextWriter(text) { ArrayPool = JsonCharPool.Instance, CloseOutput = false }) InboxPageJson.Write(json, inbox);
            return Task.FromResult(System.Text.Encoding.UTF8.GetByteCount(text.Written));
        });
        Console.WriteLine($"page JSON: {size:N0} bytes");
        return 0;
    }

    private static async Task MeasureAsync(string name, Func<Task<int>> run)
    {
        for (var i = 0; i < 300; i++) await run(); // JIT tiers, pools, page cache
        const int n = 1000;
        var gcBefore = GC.CollectionCount(0);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < n; i++) await run();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{name,-52} {used.TotalMilliseconds / n,8:F3} ms CPU  {(GC.GetAllocatedBytesForCurrentThread() - allocated) / n / 1024.0,8:F1} KB allocated  gen0 {GC.CollectionCount(0) - gcBefore}");
    }
}
