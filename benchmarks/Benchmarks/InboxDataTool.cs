using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;

namespace SmartPost.Benchmarks;

/// <summary>
/// Fills a running API's SQLite file with generated replies (ReplyDataGenerator: 10 teams, ~30 % flagged, ~60 %
/// handled) so the HTTP load test can read the first inbox page of a team among 100,000 stored replies.
/// generated "team-3" becomes <c>team</c> (a team the API knows), so that team holds a tenth of the rows, as in
/// RepliesBenchmarks. Used by benchmarks/http/run.sh:
///   dotnet run -c Release --project benchmarks/Benchmarks -- generate-replies &lt;sqlite path&gt; &lt;count&gt; &lt;team&gt;
/// </summary>
public static class InboxDataTool
{
    public static async Task<int> RunAsync(string path, int count, string team)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SqlitePath"] = path }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDatabase(config);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync();
        await ReplyDataGenerator.GenerateAsync(db, count);
        var moved = await db.Set<Reply>().Where(r => r.Team == "team-3" && r.SourceKey.StartsWith("doc:gen-"))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Team, team));
        Console.WriteLine($"generated {count} replies in {path}; {moved} of them in {team}");
        return 0;
    }
}
