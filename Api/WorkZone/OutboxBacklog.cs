using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.WorkZone;

/// <summary>How many "SmartPost behandlet" changes wait for the metadata store, and for how long the oldest has.</summary>
public sealed record OutboxBacklog(int Pending, TimeSpan OldestAge)
{
    public static async Task<OutboxBacklog> ReadAsync(AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var pending = db.Set<MetadataOutboxMessage>().Where(m => m.Status == OutboxStatus.Pending);
        var count = await pending.CountAsync(ct);
        if (count == 0) return new(0, TimeSpan.Zero);
        var oldest = await pending.MinAsync(m => m.CreatedAt, ct);
        return new(count, clock.GetUtcNow().UtcDateTime - oldest);
    }
}
