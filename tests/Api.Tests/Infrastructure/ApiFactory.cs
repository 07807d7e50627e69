using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>
/// A fresh API per test over a real database: a new SQLite file, or a new PostgreSQL database on the server
/// the test command started (see <see cref="TestDatabase"/>). Development environment, so the X-Dev-User header works.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase? _database;
    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _serviceOverrides = new();

    public ApiFactory(DatabaseKind kind = DatabaseKind.Sqlite, bool seedDemoData = false)
        : this(TestDatabase.Create(kind), seedDemoData, ownsDatabase: true)
    {
    }

    /// <summary>Another instance on a database the test owns (several API instances on one database).</summary>
    public ApiFactory(TestDatabase database, bool seedDemoData = false)
        : this(database, seedDemoData, ownsDatabase: false)
    {
    }

    private ApiFactory(TestDatabase database, bool seedDemoData, bool ownsDatabase)
    {
        _database = ownsDatabase ? database : null;
        Database = database;
        _settings["Database:SqlitePath"] = database.SqlitePath;
        _settings["Database:PostgresConnectionString"] = database.PostgresConnectionString ?? "";
        _settings["Database:SeedDemoData"] = seedDemoData ? "true" : "false";
        // Tests assert what screening finds. On a busy test machine one screening can take longer than the 2 s
        // production budget, which would store the reply marked for manual screening instead; the budget's own tests
        // set it explicitly.
        _settings["Replies:ScreeningTimeout"] = "00:00:30";
    }

    public TestDatabase Database { get; }

    /// <summary>A second API instance on this one's database (as two servers behind a load balancer); the first disposes it.</summary>
    public ApiFactory SecondInstance() => new(Database, seedDemoData: false, ownsDatabase: false);

    public string EnvironmentName { get; init; } = "Development";

    /// <summary>
    /// The app in Production with a syntactically complete (but unreachable) Entra ID configuration: Production
    /// refuses to start without one. Tests that need real token validation use EntraTestApi instead.
    /// </summary>
    public static ApiFactory Production() => new ApiFactory { EnvironmentName = "Production" }
        .WithSetting("Authentication:EntraId:TenantId", "4b7c2a55-8f0e-4c1e-9a51-2d9f6e0b7a11")
        .WithSetting("Authentication:EntraId:ClientId", "0f3a9e1d-6b2c-4d8e-8f7a-5c4b3a2d1e0f")
        .WithSetting("Authentication:EntraId:Audience", "api://localhost:5080/0f3a9e1d-6b2c-4d8e-8f7a-5c4b3a2d1e0f")
        .WithSetting("Authentication:EntraId:ClientSecret", "not-used");

    /// <summary>Overrides one configuration key (e.g. "Guidance:RulesPath").</summary>
    public ApiFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces services after the app registered its own (e.g. a fixed clock).</summary>
    public ApiFactory WithServices(Action<IServiceCollection> configure)
    {
        _serviceOverrides.Add(configure);
        return this;
    }

    /// <summary>Runs the app with a fixed clock.</summary>
    public ApiFactory WithClock(TimeProvider clock) => WithServices(s => s.Replace(ServiceDescriptor.Singleton(clock)));

    /// <summary>An HTTP client authenticated as a caseworker through the Development header.</summary>
    public HttpClient CreateCaseworkerClient(string user = "cw-anna", params string[] teams)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Dev-User", user);
        if (teams.Length > 0)
        {
            client.DefaultRequestHeaders.Add("X-Dev-Teams", string.Join(',', teams));
        }
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>The app's services, for asserting on stored state.</summary>
    public AppDb CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<AppDb>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // UseSetting, not ConfigureAppConfiguration: Program.cs reads configuration (e.g. the database path) while
        // registering services, before configuration added by ConfigureAppConfiguration is applied.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (Environment.GetEnvironmentVariable(FileLoggerProvider.Variable) is { Length: > 0 } logFile)
        {
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new FileLoggerProvider(logFile)));
        }
        builder.ConfigureServices(services =>
        {
            foreach (var configure in _serviceOverrides)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database?.Dispose();
        }
    }
}
