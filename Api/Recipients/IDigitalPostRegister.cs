namespace SmartPost.Api.Recipients;

/// <summary>A recipient's standing in Digital Post.</summary>
/// <param name="Exempt">True when exempt (fritaget): the authority must send physical mail.</param>
/// <param name="Known">False when the register has no entry (then not exempt is assumed, and said).</param>
/// <param name="Source">Where the answer came from, e.g. "embedded register".</param>
/// <param name="Reason">Why exempt, e.g. "Fritaget af kommunen (Lov om Digital Post § 5)".</param>
public sealed record DigitalPostStatus(
    RecipientIdType IdType, string Id, bool Exempt, bool Known, string Source, DateOnly? ExemptSince, string? Reason);

/// <summary>
/// The Digital Post exemption register. Citizens are exempted by their municipality; companies only in rare cases
/// by Erhvervsstyrelsen — the register decides, never the id type. A real registry lookup can replace the
/// embedded table behind this interface.
/// </summary>
public interface IDigitalPostRegister
{
    /// <param name="id">A valid, normalised id (see <see cref="RecipientId.Normalize"/>).</param>
    Task<DigitalPostStatus> LookupAsync(RecipientIdType idType, string id, CancellationToken cancellationToken = default);
}
