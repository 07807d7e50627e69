using SmartPost.Api.Guidance;
using SmartPost.Api.Recipients;
using Swashbuckle.AspNetCore.Annotations;

namespace SmartPost.Api.Dispatch;

// Wire contracts of the dispatch endpoints. Fields are nullable on purpose: DispatchRequestValidator checks them
// all and names each bad field by its JSON path (e.g. "recipient.id"), so one 400 lists every problem.

/// <summary>The caseworker's final choice for a letter and the letter itself.</summary>
[SwaggerSchema(Required = ["documentId", "caseNumber", "documentTitle", "recipient", "suggestedOption", "chosenOption", "letter"])]
public sealed record DispatchRequest
{
    /// <summary>WorkZone document id of the letter, e.g. "D2026-004711".</summary>
    public string? DocumentId { get; init; }

    /// <summary>WorkZone case number; becomes MeMo ContentData CaseID, e.g. "FST-2026-01234".</summary>
    public string? CaseNumber { get; init; }

    /// <summary>Title of the letter; becomes the MeMo label the recipient sees (max 256 characters).</summary>
    public string? DocumentTitle { get; init; }

    public DispatchRecipient? Recipient { get; init; }

    /// <summary>What the guidance API suggested.</summary>
    public ReplyOption? SuggestedOption { get; init; }

    /// <summary>What the caseworker chose; decides MeMo reply.</summary>
    public ReplyOption? ChosenOption { get; init; }

    /// <summary>Why the caseworker deviated from the suggestion; required when chosenOption differs from suggestedOption.</summary>
    public string? OverrideReason { get; init; }

    /// <summary>Reply deadline (yyyy-MM-dd, Danish date); only with chosenOption WithReply; not in the past.</summary>
    [SwaggerSchema(Format = "date")]
    public string? ReplyBy { get; init; }

    public DispatchLetter? Letter { get; init; }

    /// <summary>Optional guideline category code from the guidance API (e.g. "Decision"); the replies feature uses it.</summary>
    public string? Category { get; init; }

    /// <summary>Optional sending team; must be one of the caller's teams. Default: the caller's first team.</summary>
    public string? Team { get; init; }

    /// <summary>
    /// True to send the same letter version again on purpose (a second POST of the same document, letter content and
    /// chosen option otherwise returns the first dispatch). Needs resendReason; recorded in the audit trail.
    /// </summary>
    public bool? Resend { get; init; }

    /// <summary>Why the letter is sent again (e.g. "Borgeren har ikke modtaget brevet"); required with resend.</summary>
    public string? ResendReason { get; init; }

    /// <summary>Swagger example: Team Helbred sends a request for a medical certificate med svarmulighed.</summary>
    public static DispatchRequest Example => new()
    {
        DocumentId = "D2026-004711",
        CaseNumber = "FS-2026-010001",
        DocumentTitle = "Anmodning om lægeerklæring",
        Recipient = new DispatchRecipient { IdType = RecipientIdType.CPR, Id = "010190-1234", Name = "Mette Hansen" },
        SuggestedOption = ReplyOption.WithReply,
        ChosenOption = ReplyOption.WithReply,
        OverrideReason = null,
        ReplyBy = "2026-12-15",
        Letter = new DispatchLetter { FileName = "anmodning-om-laegeerklaering.pdf", ContentType = "application/pdf", ContentBase64 = "JVBERi0xLjcKJeLjz9MK" },
        Category = "ExpectsReply",
        Team = "team-helbred",
    };
}

[SwaggerSchema(Required = ["idType", "id", "name"])]
public sealed record DispatchRecipient
{
    public RecipientIdType? IdType { get; init; }

    /// <summary>CPR (DDMMYY-SSSS, dash optional) or CVR (8 digits).</summary>
    public string? Id { get; init; }

    public string? Name { get; init; }
}

[SwaggerSchema(Required = ["fileName", "contentType", "contentBase64"])]
public sealed record DispatchLetter
{
    /// <summary>e.g. "afgoerelse.pdf".</summary>
    public string? FileName { get; init; }

    /// <summary>MIME type, e.g. "application/pdf"; becomes MeMo File encodingFormat.</summary>
    public string? ContentType { get; init; }

    public string? ContentBase64 { get; init; }
}

/// <summary>
/// A recorded dispatch with its MeMo message. <c>notice</c> is set when the request repeated a dispatch already made
/// ("Allerede sendt 5. december 2026 kl. 09.14 af …"): the pane shows it, nothing new was recorded.
/// </summary>
public sealed record DispatchResponse(
    Guid DispatchId,
    Guid MessageUuid,
    string DocumentId,
    string CaseNumber,
    string DocumentTitle,
    DispatchRecipientView Recipient,
    ReplyOption SuggestedOption,
    ReplyOption ChosenOption,
    string? OverrideReason,
    DateOnly? ReplyBy,
    string? Team,
    string? Category,
    string CreatedBy,
    DateTime CreatedAt,
    string MemoXml,
    string? Notice = null)
{
    /// <summary>Swagger example: the dispatch recorded for <see cref="DispatchRequest.Example"/>, with its complete MeMo message.</summary>
    public static DispatchResponse Example => new(
        Guid.Parse("3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c34"), Guid.Parse("b7e4a2d9-51c3-4f08-8a6e-2d9c0f3b1e57"),
        "D2026-004711", "FS-2026-010001", "Anmodning om lægeerklæring",
        new DispatchRecipientView(RecipientIdType.CPR, "0101901234", "Mette Hansen"),
        ReplyOption.WithReply, ReplyOption.WithReply, null, new DateOnly(2026, 12, 15), "team-helbred", "ExpectsReply",
        "cw-anna", new DateTime(2026, 11, 23, 9, 14, 5, DateTimeKind.Utc),
        """
        <?xml version="1.0" encoding="utf-8"?>
        <memo:Message memoVersion="1.1" memoSchVersion="1.1.0" xmlns:memo="https://DigitalPost.dk/MeMo-1">
          <memo:MessageHeader>
            <memo:messageType>DIGITALPOST</memo:messageType>
            <memo:messageUUID>b7e4a2d9-51c3-4f08-8a6e-2d9c0f3b1e57</memo:messageUUID>
            <memo:messageID>3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c34</memo:messageID>
            <memo:label>Anmodning om lægeerklæring</memo:label>
            <memo:reply>true</memo:reply>
            <memo:replyByDateTime>2026-12-15T22:59:59Z</memo:replyByDateTime>
            <memo:mandatory>false</memo:mandatory>
            <memo:legalNotification>false</memo:legalNotification>
            <memo:Sender><memo:senderID>12345678</memo:senderID><memo:idType>CVR</memo:idType><memo:label>Færdselsstyrelsen</memo:label></memo:Sender>
            <memo:Recipient><memo:recipientID>0101901234</memo:recipientID><memo:idType>CPR</memo:idType><memo:label>Mette Hansen</memo:label></memo:Recipient>
            <memo:ContentData><memo:CaseID><memo:caseID>FS-2026-010001</memo:caseID><memo:caseSystem>WorkZone</memo:caseSystem></memo:CaseID></memo:ContentData>
          </memo:MessageHeader>
          <memo:MessageBody>
            <memo:createdDateTime>2026-11-23T09:14:05Z</memo:createdDateTime>
            <memo:MainDocument>
              <memo:label>Anmodning om lægeerklæring</memo:label>
              <memo:File>
                <memo:encodingFormat>application/pdf</memo:encodingFormat>
                <memo:filename>anmodning-om-laegeerklaering.pdf</memo:filename>
                <memo:language>da</memo:language>
                <memo:content>JVBERi0xLjcKJeLjz9MK</memo:content>
              </memo:File>
            </memo:MainDocument>
          </memo:MessageBody>
        </memo:Message>
        """);
}

public sealed record DispatchRecipientView(RecipientIdType IdType, string Id, string Name);

/// <summary>One entry of a document's dispatch history (CPR masked, no MeMo body).</summary>
public sealed record DispatchSummary(
    Guid DispatchId, Guid MessageUuid, string DocumentId, string CaseNumber, string DocumentTitle,
    DispatchRecipientView Recipient, ReplyOption ChosenOption, DateOnly? ReplyBy, string? Team, string CreatedBy, DateTime CreatedAt)
{
    /// <summary>Swagger example: <see cref="DispatchResponse.Example"/> in a history list (CPR masked).</summary>
    public static DispatchSummary Example => new(
        Guid.Parse("3f2b8c1e-7d4a-4e6b-9c2f-1a5d8e0b7c34"), Guid.Parse("b7e4a2d9-51c3-4f08-8a6e-2d9c0f3b1e57"),
        "D2026-004711", "FS-2026-010001", "Anmodning om lægeerklæring",
        new DispatchRecipientView(RecipientIdType.CPR, "010190-****", "Mette Hansen"), ReplyOption.WithReply,
        new DateOnly(2026, 12, 15), "team-helbred", "cw-anna", new DateTime(2026, 11, 23, 9, 14, 5, DateTimeKind.Utc));
}

public sealed record DispatchAuditView(string Action, string Actor, DateTime At, string? Detail);

public static class DispatchViews
{
    public static DispatchResponse ToResponse(this DispatchRecord d) => new(
        d.Id, d.MessageUuid, d.DocumentId, d.CaseNumber, d.DocumentTitle,
        new DispatchRecipientView(d.RecipientIdType, d.RecipientId, d.RecipientName),
        d.SuggestedOption, d.ChosenOption, d.OverrideReason, d.ReplyBy, d.Team, d.Category, d.CreatedBy, d.CreatedAt, d.MemoXml);

    public static DispatchSummary ToSummary(this DispatchRecord d) => new(
        d.Id, d.MessageUuid, d.DocumentId, d.CaseNumber, d.DocumentTitle,
        new DispatchRecipientView(d.RecipientIdType, MaskedId(d), d.RecipientName),
        d.ChosenOption, d.ReplyBy, d.Team, d.CreatedBy, d.CreatedAt);

    public static string MaskedId(DispatchRecord d) =>
        d.RecipientIdType == RecipientIdType.CPR ? RecipientId.MaskCpr(d.RecipientId) : d.RecipientId;
}
