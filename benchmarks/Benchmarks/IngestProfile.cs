using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Calendar;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Infrastructure.BulkWork;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.Benchmarks;

/// <summary>
/// Where the CPU of one ingest goes, in-process on a SQLite file (use a copy of a seeded database), sequentially,
/// one DI scope per reply as one request: the source-key look-up (with the context's connection open), linking,
/// screening, the folded search text, and the whole of ReplyIngest.IngestAsync; "insert + triggers + commit" is the
/// whole less those parts (EF SaveChanges of reply + audit event, the triggers, the commit, the lane hand-off). CPU is
/// the process's, so each part counts what it makes other threads do; the first 3,000 replies are not counted (JIT
/// tiering runs for about 2,000). Screening includes the learned model as the API runs it ("without-model": rules
/// only). With "without-triggers" the count and word-index triggers are dropped from the file first
/// (without-counts / without-word-index: one kind), to show what they cost.
///   dotnet run -c Release --project benchmarks/Benchmarks -- ingest-profile /tmp/copy.db 5000 [without-model|without-triggers|without-counts|without-word-index]
/// </summary>
public static class IngestProfile
{
    public static async Task<int> RunAsync(string path, int count, string? drop)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SqlitePath"] = path }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDatabase(config);
        services.AddCalendar(config);
        services.AddScreening(config);
        if (drop != "without-model") services.AddScreeningModel(config);
        services.AddDispatch(config);
        services.AddOptions<RepliesOptions>();
        services.AddSingleton<RecipientNameIndex>();
        services.AddScoped<ReplyLinker>();
        services.AddScoped<ReplyIngest>();
        services.AddBulkWork(config);
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await db.Database.MigrateAsync();
            var counts = new[] { "TR_Replies_Counts_Insert", "TR_Replies_Counts_Delete", "TR_Replies_Counts_Update" };
            var words = new[] { "TR_Replies_Search_Insert", "TR_Replies_Search_Delete", "TR_Replies_Search_Update" };
            var dropped = drop switch { "without-triggers" => counts.Concat(words), "without-word-index" => words, "without-counts" => counts, _ => [] };
            foreach (var trigger in dropped) await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER IF EXISTS \"{trigger}\"");
        }

        var text = Newtonsoft.Json.Linq.JObject.Parse(await File.ReadAllTextAsync(Path.Combine(Repo(), "benchmarks/http/payloads/reply-text.json")));
        var (subject, body) = ((string)text["subject"]!, (string)text["text"]!);
        var run = Guid.NewGuid().ToString("N")[..8];
        string[] names = ["open + source-key look-up", "linking (case-number look-up)", "screening", "search text (folded words)", "whole IngestAsync"];
        var wall = names.Select(_ => new List<double>()).ToArray();
        var cpu = names.Select(_ => new List<double>()).ToArray();
        long allocated = 0, gcs = 0, jitted = 0;
        var jitTime = TimeSpan.Zero;
        for (var i = -3000; i < count; i++) // the first 3,000 warm up (JIT, tiering: its background compiles count as process CPU), not counted
        {
            if (i == 0) (allocated, gcs, jitted, jitTime) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
            var incoming = new IncomingReply($"doc:profile-{run}-{i}", null, $"profile-{run}-{i}", null, null, $"FS-2026-{i + 100:D6}", "team-helbred",
                DateTimeOffset.UtcNow, subject, body, "CPR", "0101901234", [], null);
            var stage = 0;
            var watch = Stopwatch.StartNew();
            var started = ProcessCpu.Now();
            void Lap()
            {
                var now = ProcessCpu.Now();
                if (i >= 0) { wall[stage].Add(watch.Elapsed.TotalMicroseconds); cpu[stage].Add((now - started).TotalMicroseconds); }
                stage++;
                started = ProcessCpu.Now();
                watch.Restart();
            }
            await using (var scope = provider.CreateAsyncScope())
            {
                // The parts on their own, each in a fresh scope as a request would meet them.
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                await db.Database.OpenConnectionAsync();
                await ReplyIngest.FindBySourceKeyAsync(db, incoming.SourceKey, default);
                Lap();
                var linked = await scope.ServiceProvider.GetRequiredService<ReplyLinker>().LinkAsync(incoming, default);
                Lap();
                scope.ServiceProvider.GetRequiredService<ReplyScreener>().Screen(subject, body, new ScreeningContext(incoming.ReceivedAt, null, linked.Dispatch?.Category));
                Lap();
                ReplySearchText.Build(subject, body);
                Lap();
            }
            await using (var scope = provider.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ReplyIngest>().IngestAsync(incoming, "profile", default);
                Lap();
            }
        }
        // CPU is the process's (CLOCK_PROCESS_CPUTIME_ID): the ingest runs on the bulk-work lane's thread, not this one.
        // Sequential, so it is this work's CPU plus the runtime's background threads (GC, tiering) — not other processes'.
        static double Median(List<double> v) => Percentile(v, 0.5);
        static double Percentile(List<double> v, double p) { var s = v.Order().ToList(); return s[(int)(p * (s.Count - 1))]; }
        var rest = Enumerable.Range(0, count).Select(i => cpu[4][i] - cpu[0][i] - cpu[1][i] - cpu[2][i] - cpu[3][i]).ToList();
        var restWall = Enumerable.Range(0, count).Select(i => wall[4][i] - wall[0][i] - wall[1][i] - wall[2][i] - wall[3][i]).ToList();
        Console.WriteLine($"{count} replies of {body.Length:N0} characters, {drop ?? "with all triggers"}; load before [{ProfileStage.Load()}]");
        Console.WriteLine($"{"part",-42} {"cpu mean",9} {"cpu med",9} {"wall mean",10} {"wall med",9} {"cpu p90",9} {"cpu p99",9}  (µs per reply)");
        for (var s = 0; s < names.Length; s++)
            Console.WriteLine($"{names[s],-42} {cpu[s].Average(),9:F0} {Median(cpu[s]),9:F0} {wall[s].Average(),10:F0} {Median(wall[s]),9:F0} {Percentile(cpu[s], 0.9),9:F0} {Percentile(cpu[s], 0.99),9:F0}");
        Console.WriteLine($"{"insert + triggers + commit (whole − above)",-42} {rest.Average(),9:F0} {Median(rest),9:F0} {restWall.Average(),10:F0} {Median(restWall),9:F0} {Percentile(rest, 0.9),9:F0} {Percentile(rest, 0.99),9:F0}");
        Console.WriteLine($"→ {1e6 / cpu[4].Average():F0} replies/s per core of CPU; {(GC.GetTotalAllocatedBytes() - allocated) / count / 1024.0:F0} kB allocated "
            + $"and {(GC.CollectionCount(0) - gcs) * 1000.0 / count:F1} gen-0 collections per 1,000 replies (all parts); "
            + $"{System.Runtime.JitInfo.GetCompiledMethodCount() - jitted:N0} methods JIT-compiled while measuring ({(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMicroseconds / count:F0} µs per reply); load after [{ProfileStage.Load()}]");
        return 0;
    }

    private static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmartPostAddin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
