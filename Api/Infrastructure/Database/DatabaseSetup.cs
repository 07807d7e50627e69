using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmartPost.Api.Infrastructure.Database;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>SQLite file, created on first start (relative paths are relative to the working directory).</summary>
    public string SqlitePath { get; set; } = "smartpost.db";

    /// <summary>Seed demo data into an empty database (Development default: true).</summary>
    public bool SeedDemoData { get; set; }
}

public static class DatabaseSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DatabaseOptions>().Bind(config.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<DatabaseLocks>();
        services.AddSingleton<LeaderLease>();
        // Pooled: a request takes a ready context (its EF services resolved, reset by EF when the scope ends) instead of
        // building one, which cost ≈ 300 µs of CPU per request (BENCHMARKS.md, "Tenth session: ingest").
        // Read the options when the context options are first built, not here: the test host adds its settings after registration.
        services.AddDbContextPool<AppDb>((sp, o) =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.PostgresConnectionString))
            {
                o.UseNpgsql(PooledConnectionString(options.PostgresConnectionString));
            }
            else
            {
                o.UseSqlite($"Data Source={options.SqlitePath}").AddInterceptors(new SqlitePragmas());
            }
            // Migrations are written by hand (the EF design-time package is not available here) and carry no
            // model snapshot, so EF cannot diff them against the model; the migration tests check the schema instead.
            o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        return services;
    }

    /// <summary>
    /// The context's connections skip Npgsql's session reset when they go back to the pool ("No Reset On Close"),
    /// unless the connection string says otherwise. The reset (DISCARD ALL, or seven statements once a connection holds
    /// prepared statements, as the team list's does: <see cref="Teams.PostgresInboxPage"/>) ran on every request and
    /// was ≈ 20 % of the PostgreSQL server's CPU per inbox page (BENCHMARKS.md, "Thirteenth session"). Nothing on these
    /// connections sets session state to undo: no SET, LISTEN, temporary tables or session advisory locks (the database
    /// locks use their own unpooled connections, <see cref="DatabaseLocks"/>), and Npgsql still rolls back an open
    /// transaction when a connection is closed.
    /// </summary>
    public static string PooledConnectionString(string connectionString)
    {
        // Npgsql's builder answers ContainsKey for every keyword it knows, set or not; the plain builder holds only
        // what the string sets ("No Reset On Close", "NoResetOnClose", any case).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "").Equals("NoResetOnClose", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
    }

    /// <summary>
    /// Applies migrations, then runs every registered <see cref="IDemoDataSeeder"/> when seeding is on. Instances that
    /// start together take turns (a database lock): the first migrates and seeds, the others find it done.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var startup = await app.Services.GetRequiredService<DatabaseLocks>()
            .AcquireAsync("startup", app.Lifetime.ApplicationStopping);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync();

        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.SeedDemoData)
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            {
                await seeder.SeedAsync(db);
            }
        }
    }
}

/// <summary>A feature's demo data for a fresh Development database. Must do nothing when its data exists.</summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(AppDb db);
}
