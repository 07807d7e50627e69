using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Npgsql;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Replies;

/// <summary>
/// Stores an incoming reply exactly once: link, screen, save reply + documents + audit event in one SaveChanges.
/// A redelivery (same messageUUID or documentId) returns the stored reply, also when two arrive at the same time:
/// the unique index on SourceKey decides, and the loser reads the winner's row.
/// </summary>
public sealed class ReplyIngest(AppDb db, ReplyLinker linker, ReplyScreener screener, TimeProvider clock)
{
    public static readonly JsonSerializerSettings FlagJson = CreateFlagJson();

    public async Task<(Reply Reply, bool Created)> IngestAsync(IncomingReply incoming, string actor, CancellationToken ct)
    {
        // One connection for the look-ups and the insert instead of an open/close (and SQLite pragmas) per query.
        await db.Database.OpenConnectionAsync(ct);
        if (await FindAsync(incoming.SourceKey, ct) is { } existing) return (existing, false);

        var link = await linker.LinkAsync(incoming, ct);
        var screening = screener.Screen(incoming.Subject, incoming.Text, new ScreeningContext(
            incoming.ReceivedAt,
            link.Dispatch is { } d ? new DateTimeOffset(d.SentAt, TimeSpan.Zero) : null,
            link.Dispatch?.Category));

        var reply = ToReply(incoming, link, screening);
        db.Add(reply);
        foreach (var doc in incoming.Documents)
        {
            db.Add(new ReplyDocument
            {
                Reply = reply, IsMain = doc.IsMain, FileName = doc.FileName, MediaType = doc.MediaType,
                Content = doc.Content, TextExtracted = doc.TextExtracted,
            });
        }
        db.Add(new ReplyEvent
        {
            Reply = reply, At = reply.IngestedAt, Actor = actor, Kind = ReplyEventKind.Received,
            Detail = $"{link.Routing}: {link.Reason}",
        });

        try
        {
            await db.SaveChangesAsync(ct);
            return (reply, true);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var winner = await FindAsync(incoming.SourceKey, ct)
                ?? throw new InvalidOperationException("Unique violation without a stored reply.", e);
            return (winner, false);
        }
    }

    private Task<Reply?> FindAsync(string sourceKey, CancellationToken ct) =>
        db.Set<Reply>().AsNoTracking().FirstOrDefaultAsync(r => r.SourceKey == sourceKey, ct);

    private Reply ToReply(IncomingReply incoming, ReplyLink link, ScreeningResult screening)
    {
        var flags = screening.Flags;
        var due = flags.Where(f => f.DueDate is not null).Select(f => f.DueDate).Min();
        var manualReason = incoming.ManualScreeningReason
            ?? (screening.NeedsManualScreening ? "Screeningen kunne ikke afgøre svaret sikkert." : null);
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

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
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
