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

/// <summary>A recorded dispatch with its MeMo message.</summary>
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
    string MemoXml);

public sealed record DispatchRecipientView(RecipientIdType IdType, string Id, string Name);

/// <summary>One entry of a document's dispatch history (CPR masked, no MeMo body).</summary>
public sealed record DispatchSummary(
    Guid DispatchId, Guid MessageUuid, string DocumentId, string CaseNumber, string DocumentTitle,
    DispatchRecipientView Recipient, ReplyOption ChosenOption, DateOnly? ReplyBy, string? Team, string CreatedBy, DateTime CreatedAt);

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
