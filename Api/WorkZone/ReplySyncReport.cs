using SmartPost.Api.Text;

namespace SmartPost.Api.WorkZone;

/// <param name="State">Synced, PendingSync or Failed (as the reply detail's metadataSync); null when nothing was ever written.</param>
/// <param name="Message">The dashboard's sentence in Danish: what is waiting, why, and when it is tried next.</param>
/// <param name="Attempts">Delivery attempts of the change that decides the state.</param>
/// <param name="NextAttemptAt">When a waiting change is tried next (UTC).</param>
/// <param name="FailedWriteId">The refused write to put back in the queue (POST /api/v1/workzone/writes/{id}/retry).</param>
public sealed record ReplySyncView(string? State, string? Message, int Attempts, DateTime? NextAttemptAt, long? FailedWriteId)
{
    /// <summary>Swagger example: WorkZone did not answer three times; the change waits for the next attempt.</summary>
    public static ReplySyncView Example => new(MetadataSyncState.PendingSync,
        "Afventer synkronisering til WorkZone: WorkZone har ikke svaret (3 forsøg). Næste forsøg 7. december 2026 kl. 09.20.",
        3, new DateTime(2026, 12, 7, 8, 20, 0, DateTimeKind.Utc), null);
}

/// <summary>
/// Why a reply's "SmartPost behandlet" has or has not reached the metadata store, in words a caseworker can act on.
/// Plain C#: the controller loads the outbox rows.
/// </summary>
public static class ReplySyncReport
{
    /// <param name="rows">The reply's outbox rows, newest first.</param>
    /// <param name="workZone">False when no WorkZone is configured (the embedded store keeps the marks).</param>
    /// <param name="authRefusedSince">Set while Entra ID or WorkZone refuses SmartPost's token.</param>
    public static ReplySyncView Describe(IReadOnlyList<MetadataOutboxMessage> rows, bool workZone, DateTimeOffset? authRefusedSince)
    {
        if (rows.Count == 0) return new ReplySyncView(null, null, 0, null, null);
        var waiting = rows.LastOrDefault(r => r.Status == OutboxStatus.Pending); // the oldest waiting change goes first
        if (waiting is not null) return new ReplySyncView(MetadataSyncState.PendingSync, Waiting(waiting, authRefusedSince), waiting.Attempts, waiting.NextAttemptAt, null);

        var last = rows[0];
        if (last.Status == OutboxStatus.Delivered)
        {
            var at = DanishTime.Format(last.DeliveredAt ?? last.CreatedAt);
            return new ReplySyncView(MetadataSyncState.Synced,
                workZone ? $"Synkroniseret med WorkZone {at}." : $"Gemt i SmartPost {at} (ingen WorkZone tilsluttet).", last.Attempts, null, null);
        }
        var why = last.Status == OutboxStatus.Conflict
            ? "Dokumentet blev ændret af en anden i WorkZone samtidig."
            : last.LastError ?? "WorkZone afviste ændringen.";
        return new ReplySyncView(MetadataSyncState.Failed, $"Ikke synkroniseret. {why} Vælg \"Prøv igen\", når årsagen er rettet.",
            last.Attempts, null, last.Id);
    }

    private static string Waiting(MetadataOutboxMessage row, DateTimeOffset? authRefusedSince)
    {
        const string lead = "Afventer synkronisering til WorkZone";
        if (authRefusedSince is { } since)
            return $"{lead}: WorkZone afviser SmartPosts adgang (siden {DanishTime.Format(since)}). Ændringen venter, til adgangen virker igen.";
        if (row.Attempts == 0) return $"{lead}. Ændringen sendes om et øjeblik.";
        return $"{lead}: WorkZone har ikke svaret ({row.Attempts} forsøg). Næste forsøg {DanishTime.Format(row.NextAttemptAt)}.";
    }
}
