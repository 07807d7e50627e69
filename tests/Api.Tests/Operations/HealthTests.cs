using System.Net;
using Npgsql;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Operations;

public class HealthTests
{
    [Fact]
    public async Task LiveAndReadyAnswerAnonymouslyWithEachCheck()
    {
        using var api = new ApiFactory();
        var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        var body = await ready.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (string?)body["status"]);
        foreach (var check in new[] { "database", "migrations", "outbox", "shutdown" })
        {
            Assert.Equal("Healthy", (string?)body["checks"]![check]!["status"]);
        }
        Assert.Equal(0, (int)body["checks"]!["migrations"]!["data"]!["pending"]!);
    }

    [Fact]
    public async Task ReadyIsUnavailableWhilePostgresRefusesConnectionsAndReadyAgainWhenItReturns()
    {
        using var database = TestDatabase.Create(DatabaseKind.Postgres);
        using var api = new ApiFactory(database);
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        var name = new NpgsqlConnectionStringBuilder(database.PostgresConnectionString).Database!;
        await AdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");

        var down = await WaitForStatusAsync(client, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", (string?)down["checks"]!["database"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        await AdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        var up = await WaitForStatusAsync(client, HttpStatusCode.OK);
        Assert.Equal("Healthy", (string?)up["checks"]!["database"]!["status"]);
    }

    [Fact]
    public async Task AnOldOutboxBacklogMakesReadyDegradedButStillServing()
    {
        var clock = new Dispatch.FixedClock(DateTimeOffset.Parse("2026-11-23T09:00:00Z"));
        using var api = new ApiFactory().WithClock(clock)
            .WithSetting("WorkZone:BaseUrl", "http://127.0.0.1:9/") // nothing listens: every delivery fails
            .WithSetting("WorkZone:HandledFieldName", "SmartPostBehandlet");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await client.IngestAsync("WZ-1", "team-a", "Hej"))["id"]!;
        await client.ChangeAsync(HttpMethod.Post, id, "handled");

        clock.Now += TimeSpan.FromHours(1);
        var ready = await client.GetAsync("/health/ready");
        var body = await ready.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", (string?)body["status"]);
        Assert.Equal(1, (int)body["checks"]!["outbox"]!["data"]!["pending"]!);
    }

    private static async Task<Newtonsoft.Json.Linq.JObject> WaitForStatusAsync(HttpClient client, HttpStatusCode expected)
    {
        HttpResponseMessage response = null!;
        for (var i = 0; i < 60; i++)
        {
            response = await client.GetAsync("/health/ready");
            if (response.StatusCode == expected) break;
            await Task.Delay(250);
        }
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestDatabase.PostgresServer);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
