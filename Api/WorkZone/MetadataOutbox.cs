using System.Diagnostics;
using System.Threading.Channels;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;

namespace SmartPost.Api.WorkZone;

/// <summary>Wakes the delivery service when a change was committed, so the embedded store syncs at once.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try { await _channel.Reader.ReadAsync(timer.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { /* poll interval elapsed */ }
    }
}

/// <summary>Queues a reply's document metadata changes for the metadata store, in the caller's unit of work.</summary>
public sealed class MetadataOutbox(AppDb db, OutboxSignal signal, IHttpContextAccessor http)
{
    /// <summary>
    /// "SmartPost behandlet" as the reply now has it, on behalf of the caseworker making the request. Added to the same
    /// SaveChanges as the reply's change: both commit or neither.
    /// </summary>
    public void Enqueue(Reply reply, DateTime now) =>
        Add(reply, now, MetadataKind.Handled, http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.UserId() : reply.HandledBy, null);

    /// <summary>A deadline or finding-kinds write made by the system (no caseworker acted).</summary>
    public void EnqueueSystemWrite(Reply reply, MetadataKind kind, string value, DateTime now) => Add(reply, now, kind, null, value);

    private void Add(Reply reply, DateTime now, MetadataKind kind, string? actedBy, string? value)
    {
        Activity.Current?.AddEvent(new ActivityEvent("outbox enqueue", tags: new ActivityTagsCollection { ["smartpost.reply.id"] = reply.Id }));
        db.Add(new MetadataOutboxMessage
        {
            DeliveryKey = Guid.NewGuid(),
            ReplyId = reply.Id,
            DocumentId = reply.DocumentId ?? reply.SourceKey,
            Kind = kind,
            Handled = reply.IsHandled,
            HandledBy = reply.HandledBy,
            HandledAt = reply.HandledAt,
            ActedBy = actedBy,
            Value = value,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }

    public void Notify() => signal.Notify();
}
