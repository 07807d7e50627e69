using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Calendar;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Recipients;
using SmartPost.Api.Replies;
using SmartPost.Api.Screening;

namespace SmartPost.Benchmarks;

/// <summary>
/// Routing a catch-all reply (no ReplyData, case number or team) on SQLite with <see cref="Dispatches"/> dispatches
/// in the window: by sender CPR (index seek), by a signed name (reads the window's recipients), and the worst case —
/// an unknown sender and no name, which does both before falling back to the default team.
/// Run: dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*CatchAllRouting*' --job short
/// </summary>
[MemoryDiagnoser]
public class CatchAllRoutingBenchmarks
{
    [Params(20_000)]
    public int Dispatches { get; set; }

    private static readonly string[] First = ["Hans", "Else", "Søren", "Mette", "Jens", "Anne", "Ole", "Birgitte", "Lars", "Karen"];
    private static readonly string[] Last = ["Lassen", "Krogh", "Bøgh", "Hansen", "Ærø", "Nielsen", "Åberg", "Madsen", "Holm", "Juul"];
    private ServiceProvider _services = null!;
    private string _path = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _path = Path.Combine(Path.GetTempPath(), $"smartpost-routing-bench-{Guid.NewGuid():N}.db");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SqlitePath"] = _path }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDatabase(config);
        services.AddCalendar(config);
        services.AddScreening(config);
        services.AddOptions<RepliesOptions>();
        services.AddScoped<IDispatchLookup, DispatchLookup>();
        services.AddScoped<ReplyLinker>();
        services.AddSingleton<RecipientNameIndex>();
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync();
        var now = DateTime.UtcNow;
        for (var i = 0; i < Dispatches; i++)
        {
            // Distinct recipients: a numbered middle name keeps names apart; CPR 0101xx-nnnn style (valid dates).
            db.Set<DispatchRecord>().Add(new DispatchRecord
            {
                Id = Guid.NewGuid(), MessageUuid = Guid.NewGuid(), DocumentId = $"D-{i}", CaseNumber = $"FS-2026-{i:D6}",
                DocumentTitle = "Afgørelse", RecipientIdType = RecipientIdType.CPR, RecipientId = Cpr(i),
                RecipientName = $"{First[i % 10]} M{i} {Last[i / 10 % 10]}", Team = $"team-{i % 10}",
                CreatedBy = "bench", CreatedAt = now.AddMinutes(-i * 10), RequestHash = "x",
            });
        }
        await db.SaveChangesAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark]
    public Task<ReplyLink> BySenderCpr() => LinkAsync("Hvornår hører jeg fra jer?", "CPR", Cpr(4242));

    [Benchmark]
    public Task<ReplyLink> ByNameInSignature() => LinkAsync("Jeg har et spørgsmål.\n\nMvh\nSøren M4242 Ærø", null, null);

    [Benchmark]
    public Task<ReplyLink> UnknownSenderNoName() => LinkAsync("Jeg har et spørgsmål.\n\nMvh\nen borger", "CPR", "241275-1111");

    private async Task<ReplyLink> LinkAsync(string text, string? idType, string? id)
    {
        await using var scope = _services.CreateAsyncScope();
        var linker = scope.ServiceProvider.GetRequiredService<ReplyLinker>();
        return await linker.LinkAsync(new IncomingReply($"doc:{Guid.NewGuid():N}", null, "doc", null, null, null, null,
            DateTimeOffset.UtcNow, null, text, idType, id, [], null), CancellationToken.None);
    }

    private static string Cpr(int i) => $"{i % 28 + 1:D2}{i / 28 % 12 + 1:D2}70{i % 10000:D4}";
}
