using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SmartPost.Api.Identity;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Operations;

/// <summary>The product's metrics and traces reach the exporters, and carry no CPR number or reply text.</summary>
public class TelemetryTests
{
    private const string Cpr = "010190-1234";
    private const string Sentence = "jeg vil gerne have aktindsigt i hele min sag";

    /// <summary>A reply with a CPR sender and a CPR in its text, plus a request whose path holds a CPR number.</summary>
    private static async Task ProduceTelemetryAsync(HttpClient client)
    {
        var (response, body) = await client.PostJsonReplyAsync(new
        {
            documentId = $"WZ-{Guid.NewGuid():N}", team = "team-a", subject = "Sv: Afgørelse",
            text = $"Hej\n\n{Sentence}. Mit cpr-nummer er {Cpr}.\n\nMvh Karen",
            sender = new { idType = "CPR", id = Cpr.Replace("-", "") },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        await client.GetAsync($"/api/v1/recipients/CPR/{Cpr.Replace("-", "")}/digital-post-status");
    }

    private static void AssertNoPersonalData(string exported)
    {
        Assert.DoesNotMatch(CprLogMasking.CprPattern(), exported);
        Assert.DoesNotContain(Sentence, exported, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Karen", exported);
    }

    [Fact]
    public async Task ProductMetricsAppearOnThePrometheusEndpointWithoutPersonalData()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await ProduceTelemetryAsync(client);

        var metrics = await api.CreateClient().GetStringAsync("/metrics");

        Assert.Contains("smartpost_replies_ingested", metrics);
        Assert.Contains("kind=\"AccessToRecordsRequest\"", metrics);
        Assert.Contains("smartpost_screening_duration", metrics);
        Assert.Contains("smartpost_outbox_backlog", metrics);
        var namesAndLabels = WithoutSampleValues(metrics);
        Assert.Contains("kind=\"AccessToRecordsRequest\"", namesAndLabels);
        Assert.DoesNotMatch(@"\} \d", namesAndLabels);
        AssertNoPersonalData(namesAndLabels);
    }

    /// <summary>
    /// The exposition's names, labels and help texts without the measured numbers: personal data could only leak
    /// through a name or a label (whose quoted values may hold braces: route=\"…/{cpr}/…\"), while a ten-digit sample value (1507540992 bytes of memory) is shaped like a CPR
    /// number by chance and made this test fail now and then.
    /// </summary>
    private static string WithoutSampleValues(string exposition) =>
        System.Text.RegularExpressions.Regex.Replace(exposition, @"(?m)^([^#\s][^\s{]*(?:\{(?:[^""}]|""(?:[^""\\]|\\.)*"")*\})?)\s+\S+(?:\s+\d+)?\s*$", "$1");

    [Fact]
    public async Task RuntimeMetricsAppearOnThePrometheusEndpoint()
    {
        using var api = new ApiFactory();
        await api.CreateCaseworkerClient("cw-anna", "team-a").GetAsync("/api/v1/teams/team-a/replies");

        var metrics = await api.CreateClient().GetStringAsync("/metrics");

        // What an operator reads when every endpoint slows down at once: compiling, collecting or queueing.
        Assert.Contains("dotnet_jit_compilation_time_seconds_total", metrics);
        Assert.Contains("dotnet_gc_pause_time_seconds_total", metrics);
        Assert.Contains("dotnet_thread_pool_queue_length", metrics);
    }

    [Fact]
    public async Task MetricsAndTracesReachAnOtlpCollectorWithoutPersonalData()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        using var api = new ApiFactory()
            .WithSetting("Telemetry:OtlpEndpoint", collector.BaseUrl)
            .WithSetting("Telemetry:ExportInterval", "00:00:00.200");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await ProduceTelemetryAsync(client);

        await collector.WaitForAsync("/v1/metrics", "smartpost.replies.ingested");
        await collector.WaitForAsync("/v1/metrics", "smartpost.screening.findings");
        await collector.WaitForAsync("/v1/traces", "reply ingest");
        await collector.WaitForAsync("/v1/traces", "reply screening");
        await collector.WaitForAsync("/v1/traces", "digital-post-status");
        AssertNoPersonalData(collector.Everything());
    }

    /// <summary>An OTLP/HTTP receiver on 127.0.0.1 that keeps every body it is sent (protobuf keeps strings as UTF-8).</summary>
    private sealed class FakeOtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();

        private FakeOtlpCollector(WebApplication app) => _app = app;

        public string BaseUrl => _app.Urls.First() + "/";

        public static async Task<FakeOtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new FakeOtlpCollector(app);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                collector._received.Enqueue((context.Request.Path, Encoding.UTF8.GetString(buffer.ToArray())));
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        public string Everything() => string.Join("\n", _received.Select(r => r.Body));

        public async Task WaitForAsync(string path, string text)
        {
            for (var i = 0; i < 100 && !_received.Any(r => r.Path == path && r.Body.Contains(text)); i++) await Task.Delay(100);
            Assert.True(_received.Any(r => r.Path == path && r.Body.Contains(text)), $"'{text}' never reached {path}");
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
