using SmartPost.Api.Recipients;

namespace SmartPost.Api.Dispatch;

/// <summary>What the reply side needs to know about a dispatch it answers (via MeMo ReplyData.messageUUID).</summary>
/// <param name="DispatchId">Our id of the dispatch.</param>
/// <param name="MessageUuid">The MeMo messageUUID of the outgoing message.</param>
/// <param name="CaseNumber">WorkZone case number (MeMo ContentData caseID).</param>
/// <param name="Team">The team that sent it (the dispatching caseworker's team), null if unknown.</param>
/// <param name="DocumentTitle">Title of the letter.</param>
/// <param name="Category">The guideline category suggested for the letter, e.g. "Decision", if known.</param>
/// <param name="SentAt">When the dispatch was recorded (UTC); the notification date for appeal deadlines.</param>
public sealed record DispatchInfo(
    Guid DispatchId, Guid MessageUuid, string CaseNumber, string? Team, string DocumentTitle, string? Category, DateTime SentAt);

/// <summary>Finds the dispatch an incoming reply answers. Implemented by the Dispatch feature over the database.</summary>
public interface IDispatchLookup
{
    Task<DispatchInfo?> FindByMessageUuidAsync(Guid messageUuid, CancellationToken cancellationToken = default);

    /// <summary>The most recent dispatch on a case, for replies linked only by case number.</summary>
    Task<DispatchInfo?> FindLatestByCaseNumberAsync(string caseNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Dispatches to one recipient (normalised CPR/CVR) sent at or after <paramref name="sentSince"/>, newest first,
    /// at most <paramref name="max"/>: for routing a catch-all reply by its sender.
    /// </summary>
    Task<IReadOnlyList<DispatchInfo>> FindLatestByRecipientAsync(
        RecipientIdType idType, string normalizedId, DateTime sentSince, int max = 50, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every dispatch sent at or after <paramref name="sentSince"/> with its recipient's name, newest first (no letter,
    /// no MeMo): for routing a catch-all reply by a name in its text. Callers keep the result and ask again only for newer rows.
    /// </summary>
    Task<IReadOnlyList<RecipientDispatch>> FindRecipientsSentSinceAsync(DateTime sentSince, CancellationToken cancellationToken = default);
}

/// <summary>A recipient as stored on a dispatch. <paramref name="RecipientKey"/> tells people apart; never log it (CPR).</summary>
public sealed record RecipientDispatch(string RecipientName, string RecipientKey, DispatchInfo Dispatch);
