using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Replies;
using WorkZoneStandIn;
using static SmartPost.Api.Tests.WorkZone.WorkZoneKit;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>The readiness check "workzone" and the feed's metrics, against the stand-in over real HTTP.</summary>
public class WorkZoneHealthTests
{
    [Fact]
    public async Task TheWorkZoneCheckIsDegradedButReadyWhileWorkZoneIsDownAndHealthyWhenItReturns()
    {
        var standIn = await StartStandInAsync();
        standIn.Data.AddIncoming(new IncomingSpec("Svar fra 150466-2765", "Mit CPR-nummer er 150466-2765.", "FS-2026-010001", "HELBRED"));
        try
        {
            using var api = ApiAgainst(standIn, feed: true);
            var client = api.CreateClient();

            var up = await WorkZoneCheckAsync(client, "Healthy", c => c["data"]?["lastSuccessfulPoll"] is not null);
            Assert.True((bool)up["data"]!["pollsHere"]!);
            Assert.True((double)up["data"]!["lagSeconds"]! < 60);

            var port = standIn.BaseUrl.Port;
            await standIn.DisposeAsync();
            var down = await WorkZoneCheckAsync(client, "Degraded");
            Assert.StartsWith("network: ", (string?)down["data"]!["lastFailure"]);
            Assert.NotNull(down["data"]!["lastFailureAt"]);
            Assert.NotNull(down["data"]!["lastSuccessfulPoll"]); // the operator sees since when

            standIn = await StandInServer.StartAsync(new StandInOptions { Port = port, AuthorityPort = 0, DemoData = false });
            // Healthy again, and because a poll after the outage succeeded (not merely because time passed).
            var back = await WorkZoneCheckAsync(client, "Healthy", c => PolledAfterFailure(c["data"]));
            Assert.True(PolledAfterFailure(back["data"]));
        }
        finally
        {
            await standIn.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnInstanceThatDoesNotPollReportsThePollersLagFromTheDatabase()
    {
        await using var standIn = await StartStandInAsync(seedIncoming: 2);
        using var poller = ApiAgainst(standIn, feed: true, database: Infrastructure.DatabaseKind.Postgres);
        using var other = Configure(poller.SecondInstance(), standIn, feed: true);
        _ = poller.Server;
        await WorkZoneCheckAsync(poller.CreateClient(), "Healthy", c => c["data"]?["lastSuccessfulPoll"] is not null && (bool)c["data"]!["pollsHere"]!);

        var seen = await WorkZoneCheckAsync(other.CreateClient(), "Healthy", c => c["data"]?["lastSuccessfulPoll"] is not null);
        Assert.False((bool)seen["data"]!["pollsHere"]!);
        var status = await StatusAsync(other.CreateCaseworkerClient("cw-anna", "team-helbred"));
        Assert.NotNull(status["lastSuccessfulPoll"]);
        Assert.StartsWith("WorkZone: hentet ", (string?)status["summary"]);
    }

    [Fact]
    public async Task FeedLagPollsAndFetchedRepliesAppearOnTheMetricsEndpoint()
    {
        await using var standIn = await StartStandInAsync(seedIncoming: 2);
        using var api = ApiAgainst(standIn, feed: true).WithSetting("Telemetry:BacklogSampleInterval", "00:00:00.200");
        var client = api.CreateClient();

        var metrics = "";
        await EventuallyAsync(async () =>
        {
            metrics = await client.GetStringAsync("/metrics");
            return metrics.Contains("smartpost_workzone_feed_lag") && metrics.Contains("smartpost_workzone_feed_replies");
        }, TimeSpan.FromSeconds(30), "the feed metrics on /metrics");

        Assert.Matches(new Regex("^smartpost_workzone_feed_polls_total\\{[^}]*outcome=\"succeeded\"[^}]*\\} [1-9]", RegexOptions.Multiline), metrics);
        Assert.Matches(new Regex("^smartpost_workzone_feed_replies_total(\\{[^}]*\\})? [1-9]", RegexOptions.Multiline), metrics);
        var lag = Regex.Match(metrics, "^smartpost_workzone_feed_lag_seconds(?:\\{[^}]*\\})? ([0-9.eE+-]+)", RegexOptions.Multiline);
        Assert.True(lag.Success, "the lag gauge has a value");
        Assert.InRange(double.Parse(lag.Groups[1].Value, CultureInfo.InvariantCulture), 0, 60);
    }

    /// <summary>Waits until /health/ready (always 200 here) shows the "workzone" check with <paramref name="status"/>.</summary>
    private static async Task<JObject> WorkZoneCheckAsync(HttpClient client, string status, Func<JObject, bool>? also = null)
    {
        JObject check = new();
        await EventuallyAsync(async () =>
        {
            var response = await client.GetAsync("/health/ready");
            var body = await response.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // WorkZone never takes the API out of the load balancer
            Assert.DoesNotContain("150466", body.ToString());
            check = (JObject)body["checks"]!["workzone"]!;
            return (string?)check["status"] == status && (also?.Invoke(check) ?? true);
        }, TimeSpan.FromSeconds(30), $"the workzone check {status}");
        return check;
    }

    private static bool PolledAfterFailure(Newtonsoft.Json.Linq.JToken? data) =>
        data?["lastSuccessfulPoll"] is { Type: not Newtonsoft.Json.Linq.JTokenType.Null } success
        && data["lastFailureAt"] is { Type: not Newtonsoft.Json.Linq.JTokenType.Null } failure
        && DateTimeOffset.Parse((string)success!, CultureInfo.InvariantCulture) > DateTimeOffset.Parse((string)failure!, CultureInfo.InvariantCulture);
}
