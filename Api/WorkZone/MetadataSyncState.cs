using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.WorkZone;

/// <summary>What the reply detail shows about "SmartPost behandlet" reaching the document metadata store.</summary>
public static class MetadataSyncState
{
    public const string Synced = "Synced", PendingSync = "PendingSync", Failed = "Failed";

    /// <summary>Null when the reply's metadata was never changed; otherwise the state of its changes.</summary>
    public static async Task<string?> ForReplyAsync(AppDb db, long replyId, CancellationToken ct)
    {
        var statuses = await db.Set<MetadataOutboxMessage>().Where(m => m.ReplyId == replyId)
            .OrderByDescending(m => m.Id).Select(m => m.Status).ToListAsync(ct);
        if (statuses.Count == 0) return null;
        if (statuses.Contains(OutboxStatus.Pending)) return PendingSync;
        return statuses[0] == OutboxStatus.Delivered ? Synced : Failed;
    }
}
