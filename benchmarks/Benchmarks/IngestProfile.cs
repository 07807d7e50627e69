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
/// Where the time of one ingest goes, in-process on a SQLite file (use a copy of a seeded database), sequentially,
/// one DI scope per reply as one request: the source-key look-up, linking, screening, and the rest of
/// ReplyIngest.IngestAsync (insert of reply + audit event, the triggers, the commit). Screening includes the learned
/// model as the API runs it ("without-model": rules only). With "without-triggers" the count and word-index triggers
/// are dropped from the file first (without-counts / without-word-index: one kind), to show what they cost.
///   dotnet run -c Release --project benchmarks/Benchmarks -- ingest-profile /tmp/copy.db 2000 [without-model|without-triggers|without-counts|without-word-index]
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
        var find = new List<double>(); var link = new List<double>(); var screen = new List<double>(); var whole = new List<double>();
        for (var i = -50; i < count; i++) // the first 50 warm up (JIT), not counted
        {
            var incoming = new IncomingReply($"doc:profile-{run}-{i}", null, $"profile-{run}-{i}", null, null, $"FS-2026-{i + 100:D6}", "team-helbred",
                DateTimeOffset.UtcNow, subject, body, "CPR", "0101901234", [], null);
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var watch = Stopwatch.StartNew();
            await db.Database.OpenConnectionAsync();
            await db.Set<Reply>().AsNoTracking().FirstOrDefaultAsync(r => r.SourceKey == incoming.SourceKey);
            var tFind = watch.Elapsed.TotalMicroseconds;
            var linked = await scope.ServiceProvider.GetRequiredService<ReplyLinker>().LinkAsync(incoming, default);
            var tLink = watch.Elapsed.TotalMicroseconds - tFind;
            watch.Restart();
            scope.ServiceProvider.GetRequiredService<ReplyScreener>().Screen(subject, body, new ScreeningContext(incoming.ReceivedAt, null, linked.Dispatch?.Category));
            var tScreen = watch.Elapsed.TotalMicroseconds;
            watch.Restart();
            await scope.ServiceProvider.GetRequiredService<ReplyIngest>().IngestAsync(incoming, "profile", default);
            var tWhole = watch.Elapsed.TotalMicroseconds;
            if (i < 0) continue;
            find.Add(tFind); link.Add(tLink); screen.Add(tScreen); whole.Add(tWhole);
        }
        static string Stat(List<double> v) { v.Sort(); return $"mean {v.Average(),8:F0} µs  median {v[v.Count / 2],8:F0} µs"; }
        var rest = whole.Select((w, i) => w - find[i] - link[i] - screen[i]).ToList();
        Console.WriteLine($"{count} replies of {body.Length:N0} characters, {drop ?? "with all triggers"}");
        Console.WriteLine($"  whole IngestAsync              {Stat(whole)}  → {1e6 / whole.Average():F0} replies/s on one thread");
        Console.WriteLine($"  source-key look-up (+open)     {Stat(find)}");
        Console.WriteLine($"  linking (case-number look-up)  {Stat(link)}");
        Console.WriteLine($"  screening                      {Stat(screen)}");
        Console.WriteLine($"  insert + triggers + commit     {Stat(rest)}  (whole − the three above)");
        return 0;
    }

    private static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmartPostAddin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
