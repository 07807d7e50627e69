using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Recipients;

/// <summary>
/// <see cref="IDigitalPostRegister"/> over the embedded table (imported from CSV). Lov om Digital Post §§ 3 and 5:
/// citizens are exempted by their municipality, companies only narrowly by Erhvervsstyrelsen — so the answer
/// comes from the register for both id types, never from the id type.
/// </summary>
public sealed class EmbeddedDigitalPostRegister(AppDb db) : IDigitalPostRegister
{
    public const string SourceName = "Digital Post-registret (indlejret)";

    public async Task<DigitalPostStatus> LookupAsync(RecipientIdType idType, string id, CancellationToken cancellationToken = default)
    {
        var key = RecipientId.IsValid(idType, id) ? RecipientId.Normalize(idType, id) : id;
        var row = await db.Set<DigitalPostExemption>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.IdType == idType && e.Id == key, cancellationToken);
        if (row is null)
        {
            return new DigitalPostStatus(idType, key, Exempt: false, Known: false,
                $"{SourceName}: ingen oplysning, ikke fritaget antages", null, null);
        }
        return new DigitalPostStatus(idType, key, row.Exempt, Known: true,
            $"{SourceName}: {row.Source}", row.Exempt ? row.Since : null, row.Reason);
    }
}
