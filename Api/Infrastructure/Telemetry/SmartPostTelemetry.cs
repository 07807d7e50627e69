using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SmartPost.Api.Infrastructure.Telemetry;

/// <summary>
/// The product's own traces and metrics (OpenTelemetry names). Attributes carry kinds, outcomes and ids only —
/// never a CPR number, a name or reply text; <see cref="CprMaskingProcessor"/> masks what the framework adds (paths).
/// </summary>
public static class SmartPostTelemetry
{
    public const string Name = "SmartPost.Api";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>Replies stored or recognised as redeliveries; tags: outcome (created/duplicate), routing.</summary>
    public static readonly Counter<long> RepliesIngested =
        Meter.CreateCounter<long>("smartpost.replies.ingested", "{reply}", "Replies received, by outcome and routing.");

    /// <summary>Screening flags found in ingested replies; tags: kind (and certainty where screening reports one).</summary>
    public static readonly Counter<long> Findings =
        Meter.CreateCounter<long>("smartpost.screening.findings", "{finding}", "Screening flags on ingested replies.");

    /// <summary>Caseworkers' corrections of findings; tags: kind, verdict (Confirmed/Rejected/Added).</summary>
    public static readonly Counter<long> Corrections =
        Meter.CreateCounter<long>("smartpost.screening.corrections", "{correction}", "Findings confirmed, rejected or added by caseworkers.");

    public static readonly Histogram<double> ScreeningDuration =
        Meter.CreateHistogram<double>("smartpost.screening.duration", "ms", "Time to screen one reply.");

    /// <summary>Claims refused because another caseworker holds the reply.</summary>
    public static readonly Counter<long> ClaimConflicts =
        Meter.CreateCounter<long>("smartpost.claims.conflicts", "{conflict}", "Claims refused: held by another caseworker.");

    /// <summary>Dispatches recorded; tag: option (WithReply/WithoutReply/PhysicalMail).</summary>
    public static readonly Counter<long> Dispatches =
        Meter.CreateCounter<long>("smartpost.dispatches", "{dispatch}", "Letters recorded at send time, by chosen option.");

    /// <summary>Outbox delivery attempts to the metadata store; tag: outcome (Delivered/Conflict/Failed/Retry).</summary>
    public static readonly Counter<long> OutboxDeliveries =
        Meter.CreateCounter<long>("smartpost.outbox.deliveries", "{attempt}", "\"SmartPost behandlet\" deliveries to the metadata store.");

    /// <summary>Polls of WorkZone by the feed (on the instance holding the feed lease); tag: outcome (succeeded/failed).</summary>
    public static readonly Counter<long> FeedPolls =
        Meter.CreateCounter<long>("smartpost.workzone.feed.polls", "{poll}", "WorkZone feed polls, by outcome.");

    /// <summary>New replies the feed fetched from WorkZone and stored.</summary>
    public static readonly Counter<long> FeedReplies =
        Meter.CreateCounter<long>("smartpost.workzone.feed.replies", "{reply}", "New replies fetched from WorkZone by the feed.");

    private static long _outboxPending;
    private static double _outboxOldestSeconds;
    private static double _feedLagSeconds = double.NaN;

    static SmartPostTelemetry()
    {
        Meter.CreateObservableGauge("smartpost.outbox.backlog", () => Volatile.Read(ref _outboxPending), "{change}",
            "\"SmartPost behandlet\" changes waiting for the metadata store.");
        Meter.CreateObservableGauge("smartpost.outbox.oldest_age", () => Volatile.Read(ref _outboxOldestSeconds), "s",
            "How long the oldest waiting change has waited.");
        Meter.CreateObservableGauge("smartpost.workzone.feed.lag", FeedLag, "s",
            "Seconds since the WorkZone feed last polled successfully (any instance); none before the first poll.");
    }

    private static IEnumerable<Measurement<double>> FeedLag()
    {
        var lag = Volatile.Read(ref _feedLagSeconds);
        return double.IsNaN(lag) ? [] : [new Measurement<double>(lag)];
    }

    /// <summary>Latest feed lag, sampled from the database by the WorkZone feed's sampler.</summary>
    public static void ReportFeedLag(TimeSpan lag) => Volatile.Write(ref _feedLagSeconds, Math.Round(lag.TotalSeconds, 1));

    /// <summary>Latest outbox backlog, sampled by <see cref="OutboxBacklogSampler"/> (gauges must not query the database).</summary>
    public static void ReportOutboxBacklog(long pending, TimeSpan oldest)
    {
        Volatile.Write(ref _outboxPending, pending);
        Volatile.Write(ref _outboxOldestSeconds, Math.Round(oldest.TotalSeconds, 1));
    }
}
