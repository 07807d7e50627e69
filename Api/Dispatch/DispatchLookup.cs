using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Recipients;

namespace SmartPost.Api.Dispatch;

/// <summary><see cref="IDispatchLookup"/> over the Dispatches table.</summary>
public sealed class DispatchLookup(AppDb db) : IDispatchLookup
{
    public async Task<DispatchInfo?> FindByMessageUuidAsync(Guid messageUuid, CancellationToken cancellationToken = default)
    {
        var dispatch = await PerModel<Queries>.For(db).ByMessageUuid(db, messageUuid, cancellationToken);
        return dispatch is null ? null : ToInfo(dispatch);
    }

    public async Task<DispatchInfo?> FindLatestByCaseNumberAsync(string caseNumber, CancellationToken cancellationToken = default)
    {
        var dispatch = await PerModel<Queries>.For(db).LatestByCaseNumber(db, caseNumber.Trim(), cancellationToken);
        return dispatch is null ? null : ToInfo(dispatch);
    }

    public async Task<IReadOnlyList<DispatchInfo>> FindLatestByRecipientAsync(
        RecipientIdType idType, string normalizedId, DateTime sentSince, int max = 50, CancellationToken cancellationToken = default)
    {
        // Served by IX_Dispatches_Recipient_CreatedAt (migration 20261122093000_DispatchRecipientIndex).
        var dispatches = await db.Set<DispatchRecord>().AsNoTracking()
            .Where(d => d.RecipientIdType == idType && d.RecipientId == normalizedId && d.CreatedAt >= sentSince)
            .OrderByDescending(d => d.CreatedAt)
            .Take(max)
            .ToListAsync(cancellationToken);
        return dispatches.Select(ToInfo).ToList();
    }

    public async Task<IReadOnlyList<RecipientDispatch>> FindRecipientsSentSinceAsync(DateTime sentSince, CancellationToken cancellationToken = default)
    {
        // Only the columns routing needs (no MemoXml); IX_Dispatches_CreatedAt limits the scan to the window.
        var rows = await db.Set<DispatchRecord>().AsNoTracking()
            .Where(d => d.CreatedAt >= sentSince)
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new { d.Id, d.MessageUuid, d.CaseNumber, d.Team, d.DocumentTitle, d.Category, d.CreatedAt,
                d.RecipientName, d.RecipientIdType, d.RecipientId })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new RecipientDispatch(r.RecipientName, $"{r.RecipientIdType}:{r.RecipientId}",
                new DispatchInfo(r.Id, r.MessageUuid, r.CaseNumber, r.Team, r.DocumentTitle, r.Category, r.CreatedAt)))
            .ToList();
    }

    /// <summary>Compiled: linking asks on every ingest, and EF translating the LINQ each time cost more than the query.</summary>
    private sealed class Queries
    {
        public readonly Func<AppDb, Guid, CancellationToken, Task<DispatchRecord?>> ByMessageUuid = EF.CompileAsyncQuery(
            (AppDb db, Guid messageUuid, CancellationToken ct) => db.Set<DispatchRecord>().AsNoTracking().FirstOrDefault(d => d.MessageUuid == messageUuid));

        public readonly Func<AppDb, string, CancellationToken, Task<DispatchRecord?>> LatestByCaseNumber = EF.CompileAsyncQuery(
            (AppDb db, string caseNumber, CancellationToken ct) => db.Set<DispatchRecord>().AsNoTracking()
                .Where(d => d.CaseNumber == caseNumber).OrderByDescending(d => d.CreatedAt).FirstOrDefault());
    }

    private static DispatchInfo ToInfo(DispatchRecord d) =>
        new(d.Id, d.MessageUuid, d.CaseNumber, d.Team, d.DocumentTitle, d.Category, d.CreatedAt);
}
