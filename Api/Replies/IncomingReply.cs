namespace SmartPost.Api.Replies;

/// <summary>A reply as it arrived, before linking and screening; built from a MeMo message or the JSON form.</summary>
/// <param name="SourceKey">"memo:{messageUUID}" or "doc:{documentId}": what makes a redelivery recognisable.</param>
/// <param name="AnswersMessageUuid">MeMo ReplyData messageUUID: the dispatch this reply answers.</param>
public sealed record IncomingReply(
    string SourceKey,
    Guid? MessageUuid,
    string? DocumentId,
    string? Label,
    Guid? AnswersMessageUuid,
    string? CaseNumber,
    string? Team,
    DateTimeOffset ReceivedAt,
    string? Subject,
    string Text,
    string? SenderIdType,
    string? SenderId,
    IReadOnlyList<IncomingDocument> Documents,
    string? ManualScreeningReason);

/// <summary>A file of the reply; <paramref name="TextExtracted"/> false means a person must read it.</summary>
public sealed record IncomingDocument(string FileName, string MediaType, byte[] Content, bool IsMain, bool TextExtracted);
