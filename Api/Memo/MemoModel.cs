namespace SmartPost.Api.Memo;

/// <summary>MeMo ("Message Model") constants: the format of Danish Digital Post (NgDP), published by Digitaliseringsstyrelsen.</summary>
public static class MemoFormat
{
    public const string Namespace = "https://DigitalPost.dk/MeMo-1";

    /// <summary>We generate MeMo 1.1 (the schema set in shared/schemas/memo-1.1); incoming 1.2 messages are read leniently.</summary>
    public const string Version = "1.1";
    public const string SchemaVersion = "1.1.0";

    /// <summary>Every text element (label, filename, caseID, ids) is at most 256 characters (dt:memoTextType).</summary>
    public const int MaxTextLength = 256;
}

/// <summary>A sender or recipient: id (CVR/CPR number), id type ("CVR"/"CPR") and display label (name).</summary>
public sealed record MemoParty(string Id, string IdType, string? Label);

/// <summary>
/// One file of a MeMo document. <paramref name="EncodingFormat"/> is the file's MIME type as Digital Post uses it
/// (e.g. "application/pdf", "text/plain"); the content always travels base64-encoded (xs:base64Binary).
/// </summary>
public sealed record MemoFile(string FileName, string EncodingFormat, string Language, byte[] Content)
{
    /// <summary>The MIME type: encodingFormat when it is one, otherwise guessed from the file extension.</summary>
    public string MediaType => EncodingFormat.Contains('/') ? EncodingFormat.Trim().ToLowerInvariant() : MediaTypes.FromFileName(FileName);
}

/// <summary>A main or additional document: an optional label and one or more files.</summary>
public sealed record MemoDocument(string? Label, IReadOnlyList<MemoFile> Files);

/// <summary>ReplyData on a reply: <paramref name="MessageUuid"/> is the messageUUID of the message being answered (our dispatch).</summary>
public sealed record MemoReplyData(Guid MessageUuid, Guid? ReplyUuid, string? CaseId, string? MessageId);

/// <summary>An outgoing message as the dispatch feature builds it (see <see cref="MemoMessageWriter"/>).</summary>
public sealed record OutgoingMemoMessage(
    Guid MessageUuid,
    string MessageId,
    string Label,
    bool Reply,
    DateTime? ReplyByUtc,
    bool Mandatory,
    bool LegalNotification,
    MemoParty Sender,
    MemoParty Recipient,
    string CaseId,
    string CaseSystem,
    DateTime CreatedUtc,
    MemoFile MainDocument);

/// <summary>A message read by <see cref="MemoMessageReader"/> (MeMo 1.1 or 1.2).</summary>
public sealed record MemoMessage(
    string MemoVersion,
    Guid MessageUuid,
    string? MessageId,
    string Label,
    bool Reply,
    DateTime? ReplyByUtc,
    MemoParty Sender,
    MemoParty? Recipient,
    string? CaseId,
    IReadOnlyList<MemoReplyData> ReplyData,
    DateTime? CreatedUtc,
    MemoDocument MainDocument,
    IReadOnlyList<MemoDocument> AdditionalDocuments)
{
    /// <summary>The messageUUID this message answers (the first ReplyData), null when it is not a reply.</summary>
    public Guid? InReplyTo => ReplyData.Count > 0 ? ReplyData[0].MessageUuid : null;

    /// <summary>Main document files first, then the additional documents' files.</summary>
    public IEnumerable<MemoFile> AllFiles => MainDocument.Files.Concat(AdditionalDocuments.SelectMany(d => d.Files));
}
