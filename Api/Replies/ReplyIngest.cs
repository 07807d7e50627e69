using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Newtonsoft.Json;
using Npgsql;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.BulkWork;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Infrastructure.Telemetry;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Replies;

/// <summary>
/// Stores an incoming reply exactly once: link, screen, insert reply + documents + audit event in one transaction.
/// A redelivery (same messageUUID or documentId) returns the stored reply, also when two arrive at the same time:
/// the unique index on SourceKey decides, and the loser reads the winner's row. Every ingest (HTTP, the WorkZone feed,
/// demo data) runs in the <see cref="BulkWorkLane"/>: at most one per lane thread at once, behind the caseworkers' requests.
/// </summary>
public sealed class ReplyIngest(
    AppDb db, ReplyLinker linker, ReplyScreener screener, BulkWorkLane lane, TimeProvider clock, IOptions<RepliesOptions> options, ILogger<ReplyIngest> logger)
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static readonly JsonSerializerSettings FlagJson = CreateFlagJson();

    public Task<(Reply Reply, bool Created)> IngestAsync(IncomingReply incoming, string actor, CancellationToken ct) =>
        lane.RunAsync(() => IngestOnLaneAsync(incoming, actor, ct), ct);

    private async Task<(Reply Reply, bool Created)> IngestOnLaneAsync(IncomingReply incoming, string actor, CancellationToken ct)
    {
        using var activity = SmartPostTelemetry.Source.StartActivity("reply ingest");
        // One connection for the look-ups and the insert instead of an open/close (and SQLite pragmas) per query.
        await db.Database.OpenConnectionAsync(ct);
        if (await FindAsync(incoming.SourceKey, ct) is { } existing) return Counted(existing, false, activity);

        var limits = options.Value;
        var capped = DocumentText.Cap(incoming.Text, limits.MaxTextCharacters);
        var reasons = new List<string>();
        if (incoming.ManualScreeningReason is { } given) reasons.Add(given);
        if (capped.Truncated && incoming.ManualScreeningReason is null)
            reasons.Add($"Svaret er for langt til automatisk screening; kun de første {limits.MaxTextCharacters.ToString("N0", Danish)} "
                + "tegn er gemt og screenet. Læs resten i den originale henvendelse og screen svaret manuelt.");
        incoming = incoming with { Text = capped.Text };

        var link = await linker.LinkAsync(incoming, ct);
        var (screening, screeningProblem) = await ScreenWithinBudgetAsync(incoming, link, limits.ScreeningTimeout, ct);
        if (screeningProblem is not null) reasons.Add(screeningProblem);

        var reply = ToReply(incoming, link, screening, reasons);
        try
        {
            await StoreAsync(reply, incoming.Documents, actor, link.Reason, ct);
            foreach (var flag in screening?.Flags ?? [])
            {
                SmartPostTelemetry.Findings.Add(1, new KeyValuePair<string, object?>("kind", flag.Kind.ToString()));
            }
            return Counted(reply, true, activity);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            var winner = await FindAsync(incoming.SourceKey, ct)
                ?? throw new InvalidOperationException("Unique violation without a stored reply.", e);
            return Counted(winner, false, activity);
        }
    }

    /// <summary>
    /// The reply, its documents and its audit event in one transaction, one INSERT each (not through the change
    /// tracker: <see cref="RowInsert"/>). A second delivery of the same source key fails here on the unique index and
    /// rolls back whole, the transaction ending before the caller reads the winner's row.
    /// </summary>
    private async Task StoreAsync(Reply reply, IReadOnlyList<IncomingDocument> documents, string actor, string reason, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tx = transaction.GetDbTransaction();
        reply.Id = await RowInsert.For<Reply>(db).ExecuteAsync(tx, reply, ct);
        foreach (var doc in documents)
        {
            var document = new ReplyDocument
            {
                ReplyId = reply.Id, IsMain = doc.IsMain, FileName = doc.FileName, MediaType = doc.MediaType,
                Content = doc.Content, TextExtracted = doc.TextExtracted,
            };
            document.Id = await RowInsert.For<ReplyDocument>(db).ExecuteAsync(tx, document, ct);
        }
        // Only the Danish reason: the history is read by caseworkers; the routing code is on the reply itself.
        var received = new ReplyEvent { ReplyId = reply.Id, At = reply.IngestedAt, Actor = actor, Kind = ReplyEventKind.Received, Detail = reason };
        received.Id = await RowInsert.For<ReplyEvent>(db).ExecuteAsync(tx, received, ct);
        await transaction.CommitAsync(ct);
    }

    private ScreeningResult Screen(IncomingReply incoming, ReplyLink link)
    {
        using var activity = SmartPostTelemetry.Source.StartActivity("reply screening");
        var started = Stopwatch.GetTimestamp();
        var screening = screener.Screen(incoming.Subject, incoming.Text, new ScreeningContext(
            incoming.ReceivedAt,
            link.Dispatch is { } d ? new DateTimeOffset(d.SentAt, TimeSpan.Zero) : null,
            link.Dispatch?.Category));
        SmartPostTelemetry.ScreeningDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        activity?.SetTag("smartpost.findings", screening.Flags.Count);
        return screening;
    }

    /// <summary>Metrics and trace tags for one ingest: ids, routing and outcome only, never text or a CPR number.</summary>
    private static (Reply, bool) Counted(Reply reply, bool created, Activity? activity)
    {
        var outcome = created ? "created" : "duplicate";
        SmartPostTelemetry.RepliesIngested.Add(1,
            new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("routing", reply.Routing.ToString()));
        activity?.SetTag("smartpost.reply.id", reply.Id).SetTag("smartpost.outcome", outcome).SetTag("smartpost.routing", reply.Routing.ToString());
        return (reply, created);
    }

    private Task<Reply?> FindAsync(string sourceKey, CancellationToken ct) => FindBySourceKeyAsync(db, sourceKey, ct);

    /// <summary>The stored reply with this source key ("doc:…", "memo:…"), if any: the duplicate check of every ingest.</summary>
    public static Task<Reply?> FindBySourceKeyAsync(AppDb db, string sourceKey, CancellationToken ct) =>
        PerModel<Queries>.For(db).BySourceKey(db, sourceKey, ct);

    /// <summary>Compiled: every ingest asks, and translating the LINQ each time cost ≈ 170 µs of its ≈ 200 µs.</summary>
    private sealed class Queries
    {
        public readonly Func<AppDb, string, CancellationToken, Task<Reply?>> BySourceKey = EF.CompileAsyncQuery(
            (AppDb db, string sourceKey, CancellationToken ct) => db.Set<Reply>().AsNoTracking().FirstOrDefault(r => r.SourceKey == sourceKey));
    }

    /// <summary>
    /// The screener with a time budget around it: a reply that cannot be screened in time (or makes the screener
    /// fail) is still stored, with no flags and the reason for manual screening. The screener itself is not
    /// interruptible; its regexes carry their own match timeouts, so an abandoned run ends on its own. The run is
    /// queued on the lane like the rest of the ingest (TaskScheduler.Current), and the budget counts from its start:
    /// waiting behind other work under load is not a slow screening and must not send a reply to manual screening.
    /// </summary>
    private async Task<(ScreeningResult? Result, string? Problem)> ScreenWithinBudgetAsync(
        IncomingReply incoming, ReplyLink link, TimeSpan budget, CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Task.Factory.StartNew(() =>
        {
            started.TrySetResult();
            var watch = Stopwatch.StartNew();
            return (Result: Screen(incoming, link), Took: watch.Elapsed);
        }, ct, TaskCreationOptions.DenyChildAttach, TaskScheduler.Current);
        try
        {
            await started.Task.WaitAsync(ct);
            var (result, took) = await run.WaitAsync(budget, ct);
            // The wait above can resume after the run has finished (a busy lane), so the run's own clock decides.
            return took <= budget ? (result, null) : OverBudget();
        }
        catch (TimeoutException)
        {
            return OverBudget();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Screening of {SourceKey} failed; stored for manual screening", incoming.SourceKey);
            return (null, "Den automatiske screening kunne ikke gennemføres; screen svaret manuelt.");
        }

        (ScreeningResult?, string?) OverBudget()
        {
            logger.LogWarning("Screening of {SourceKey} exceeded {Budget}; stored for manual screening", incoming.SourceKey, budget);
            return (null, $"Den automatiske screening blev ikke færdig inden for {budget.TotalSeconds.ToString("0.#", Danish)} sekunder; screen svaret manuelt.");
        }
    }

    private Reply ToReply(IncomingReply incoming, ReplyLink link, ScreeningResult? screening, List<string> reasons)
    {
        var flags = screening?.Flags ?? [];
        var due = flags.Where(f => f.DueDate is not null).Select(f => f.DueDate).Min();
        if (reasons.Count == 0 && screening is { NeedsManualScreening: true }) reasons.Add("Screeningen kunne ikke afgøre svaret sikkert.");
        var manualReason = reasons.Count > 0 ? string.Join(" ", reasons) : null;
        return new Reply
        {
            SourceKey = incoming.SourceKey,
            MessageUuid = incoming.MessageUuid,
            DocumentId = incoming.DocumentId,
            Label = incoming.Label,
            Team = link.Team,
            CaseNumber = link.CaseNumber ?? incoming.CaseNumber,
            Routing = link.Routing,
            RoutingReason = link.Reason,
            AnsweredDispatchId = link.Dispatch?.DispatchId,
            ReceivedAt = incoming.ReceivedAt.UtcDateTime,
            IngestedAt = clock.GetUtcNow().UtcDateTime,
            Subject = incoming.Subject,
            Text = incoming.Text,
            SearchText = ReplySearchText.Build(incoming.Subject, incoming.Text),
            SenderIdType = incoming.SenderIdType,
            SenderId = incoming.SenderId,
            NeedsManualScreening = manualReason is not null,
            ManualScreeningReason = manualReason,
            HasAccessToRecordsRequest = flags.Any(f => f.Kind == FlagKind.AccessToRecordsRequest),
            HasComplaint = flags.Any(f => f.Kind == FlagKind.Complaint),
            HasDeadlineExtensionRequest = flags.Any(f => f.Kind == FlagKind.DeadlineExtensionRequest),
            FlagsJson = JsonConvert.SerializeObject(flags, FlagJson),
            DueDate = due,
            SortDueDate = due ?? Reply.NoDueDate,
        };
    }

    private static bool IsUniqueViolation(DbException e) => e switch
    {
        SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static JsonSerializerSettings CreateFlagJson()
    {
        var settings = new JsonSerializerSettings();
        ApiPlumbing.Configure(settings);
        return settings;
    }
}
