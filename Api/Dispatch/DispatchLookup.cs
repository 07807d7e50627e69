using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Dispatch;

/// <summary><see cref="IDispatchLookup"/> over the Dispatches table.</summary>
public sealed class DispatchLookup(AppDb db) : IDispatchLookup
{
    public async Task<DispatchInfo?> FindByMessageUuidAsync(Guid messageUuid, CancellationToken cancellationToken = default)
    {
        var dispatch = await db.Set<DispatchRecord>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.MessageUuid == messageUuid, cancellationToken);
        return dispatch is null ? null : ToInfo(dispatch);
    }

    public async Task<DispatchInfo?> FindLatestByCaseNumberAsync(string caseNumber, CancellationToken cancellationToken = default)
    {
        var key = caseNumber.Trim();
        var dispatch = await db.Set<DispatchRecord>().AsNoTracking()
            .Where(d => d.CaseNumber == key)
            .OrderByDescending(d => d.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return dispatch is null ? null : ToInfo(dispatch);
    }

    private static DispatchInfo ToInfo(DispatchRecord d) =>
        new(d.Id, d.MessageUuid, d.CaseNumber, d.Team, d.DocumentTitle, d.Category, d.CreatedAt);
}
