using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SmartPost.Api.Infrastructure.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP/HTTP collector base address (e.g. http://otel-collector:4318); empty = no OTLP export.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>How often metrics and finished spans are pushed to the collector.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Serve Prometheus' text format at /metrics (anonymous: keep it off the public route).</summary>
    public bool PrometheusEndpoint { get; set; } = true;

    public TimeSpan BacklogSampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>OpenTelemetry: ASP.NET Core and the product's own traces and metrics, to OTLP and/or Prometheus.</summary>
public static class TelemetrySetup
{
    private const string RuntimeMeter = "System.Runtime";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<TelemetryOptions>().Bind(config.GetSection(TelemetryOptions.Section))
            .Validate(o => o.ExportInterval > TimeSpan.Zero && o.BacklogSampleInterval > TimeSpan.Zero,
                "Telemetry: ExportInterval and BacklogSampleInterval must be positive.")
            .ValidateOnStart();
        services.AddHostedService<OutboxBacklogSampler>();

        var options = config.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var interval = (int)options.ExportInterval.TotalMilliseconds;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("smartpost-api"));
        // Spans are recorded only when they go somewhere: without a collector, tracing every request cost about 4 % of a
        // suggest request's CPU (activity start and stop, the listener, the masking processor) for nothing.
        if (options.OtlpEndpoint is { } traceCollector)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(SmartPostTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddProcessor(new CprMaskingProcessor())
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = new Uri(traceCollector, "v1/traces");
                    o.Protocol = OtlpExportProtocol.HttpProtobuf;
                    o.BatchExportProcessorOptions.ScheduledDelayMilliseconds = interval;
                }));
        }
        telemetry
            .WithMetrics(metrics =>
            {
                // The runtime's own meter (JIT, garbage collections, thread pool, lock contention): what tells a process-wide
                // stall from requests queueing for CPU when every endpoint slows down at once.
                metrics.AddMeter(SmartPostTelemetry.Name, RuntimeMeter).AddAspNetCoreInstrumentation();
                if (options.PrometheusEndpoint) metrics.AddPrometheusExporter();
                if (options.OtlpEndpoint is { } otlp)
                {
                    metrics.AddOtlpExporter((o, reader) =>
                    {
                        o.Endpoint = new Uri(otlp, "v1/metrics");
                        o.Protocol = OtlpExportProtocol.HttpProtobuf;
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                    });
                }
            });
        return services;
    }

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.PrometheusEndpoint ?? true)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        }
        return app;
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
