using Microsoft.Extensions.Configuration;

namespace SmartPost.Benchmarks;

/// <summary>
/// The database a benchmark command works on, written as on its command line: <c>sqlite:&lt;path&gt;</c> (or a bare path)
/// or <c>postgres:&lt;connection string&gt;</c>; as the API's own "Database" configuration, so AddDatabase sets it up.
/// </summary>
internal sealed record DatabaseTarget(bool IsPostgres, IConfiguration Configuration)
{
    public static DatabaseTarget Parse(string target)
    {
        var postgres = target.StartsWith("postgres:", StringComparison.Ordinal);
        var settings = postgres
            ? new Dictionary<string, string?> { ["Database:PostgresConnectionString"] = target["postgres:".Length..] }
            : new Dictionary<string, string?> { ["Database:SqlitePath"] = target.StartsWith("sqlite:", StringComparison.Ordinal) ? target["sqlite:".Length..] : target };
        return new DatabaseTarget(postgres, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }
}
