using System.Net.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;
using SmartPost.Api.WorkZone;
using WorkZoneStandIn;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>
/// The WorkZone stand-in (tools/WorkZoneStandIn: real OData 4 over KMD's CSDL, real Kestrel ports) and an API
/// configured against it, for the integration tests.
/// </summary>
public static class WorkZoneKit
{
    public const string HandledField = "SMARTPOST_BEHANDLET";

    public static Task<StandInServer> StartStandInAsync(int seedIncoming = 0, bool etags = true, bool requireToken = false) =>
        StandInServer.StartAsync(new StandInOptions
        {
            Port = 0, AuthorityPort = 0, DemoData = false, SeedIncoming = seedIncoming, ETags = etags, RequireToken = requireToken,
        });

    /// <summary>
    /// The API against <paramref name="standIn"/>. <paramref name="auth"/>: MSAL confidential client against the stand-in's
    /// token issuer (its self-signed https certificate trusted for the token client only); otherwise Auth:Mode=None.
    /// </summary>
    public static ApiFactory ApiAgainst(StandInServer standIn, bool auth = false, bool feed = false, DatabaseKind database = DatabaseKind.Sqlite) =>
        Configure(new ApiFactory(database), standIn, auth, feed);

    public static ApiFactory Configure(ApiFactory api, StandInServer standIn, bool auth = false, bool feed = false)
    {
        api.WithSetting("WorkZone:BaseUrl", standIn.BaseUrl.ToString())
            .WithSetting("WorkZone:HandledFieldName", HandledField)
            .WithSetting("WorkZone:RequestTimeout", "00:00:05")
            .WithSetting("WorkZone:Feed:Enabled", feed ? "true" : "false")
            .WithSetting("WorkZone:Feed:PollInterval", "00:00:00.200")
            .WithSetting("WorkZone:Feed:UnitTeams:HELBRED", "team-helbred")
            .WithSetting("WorkZone:Feed:UnitTeams:UDLAND", "team-udland")
            .WithSetting("MetadataSync:PollInterval", "00:00:00.100")
            .WithSetting("MetadataSync:RetryBaseDelay", "00:00:00.050")
            .WithSetting("MetadataSync:MaxRetryDelay", "00:00:00.500")
            .WithSetting("MetadataSync:AttemptTimeout", "00:00:10");
        if (!auth) return api.WithSetting("WorkZone:Auth:Mode", "None");
        var thumbprint = standIn.AuthorityCertificate.Thumbprint;
        return api.WithSetting("WorkZone:Auth:Mode", "ClientSecret")
            .WithSetting("WorkZone:Auth:Authority", standIn.Authority)
            .WithSetting("WorkZone:Auth:ClientId", standIn.Options.ClientId)
            .WithSetting("WorkZone:Auth:ClientSecret", standIn.Options.ClientSecret)
            .WithServices(s => s.AddHttpClient(WorkZoneTokens.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None || certificate?.Thumbprint == thumbprint,
            }));
    }

    /// <summary>Waits until <paramref name="done"/> holds, checking every 100 ms; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Successful PATCHes of records (not sub-table rows) per record ID, from the stand-in's request log.</summary>
    public static Dictionary<string, List<LoggedRequest>> AppliedPatches(StandInServer standIn) =>
        standIn.Requests.All().Where(r => r.Method == "PATCH" && r.Status == 204 && r.PathAndQuery.StartsWith("/OData4/Records(", StringComparison.Ordinal))
            .GroupBy(r => Uri.UnescapeDataString(r.PathAndQuery)["/OData4/Records('".Length..^2])
            .ToDictionary(g => g.Key, g => g.ToList());

    public static async Task<long> IngestAsync(HttpClient client, string documentId, string team, string text = "Hej") =>
        (long)(await client.IngestAsync(documentId, team, text))["id"]!;

    /// <summary>Reply rows (source keys) in a SQLite file, read outside the API (for the process tests).</summary>
    public static List<string> StoredSourceKeys(string sqlitePath)
    {
        if (!File.Exists(sqlitePath)) return [];
        using var connection = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type='table' AND name='Replies'";
        if (command.ExecuteScalar() is null) return [];
        command.CommandText = "SELECT SourceKey FROM Replies";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    public static async Task<JObject> StatusAsync(HttpClient client) =>
        await (await client.GetAsync("/api/v1/workzone/status")).ReadJsonAsync();
}
