using SmartPost.Api.Guidance;
using SmartPost.Api.Memo;

namespace SmartPost.Api.Dispatch;

/// <summary>Maps a validated dispatch to its outgoing MeMo 1.1 message.</summary>
public static class DispatchMemo
{
    /// <remarks>
    /// PhysicalMail still gets a MeMo message: it is the letter's one canonical envelope, and WorkZone's dispatch
    /// sequence hands the same message to the print dispatchers (remote print / local print) when the Digital Post
    /// step is skipped or fails. Paper has no "Besvar" button, so reply is false and no replyByDateTime is set —
    /// only WithReply gives reply=true (the guideline's "med svarmulighed").
    /// </remarks>
    public static OutgoingMemoMessage Build(
        ValidDispatch dispatch, Guid dispatchId, Guid messageUuid, DateTime createdUtc, DispatchOptions options)
    {
        var reply = dispatch.ChosenOption == ReplyOption.WithReply;
        return new OutgoingMemoMessage(
            MessageUuid: messageUuid,
            MessageId: dispatchId.ToString("D"),
            Label: dispatch.DocumentTitle,
            Reply: reply,
            ReplyByUtc: reply && dispatch.ReplyBy is { } date ? EndOfDayUtc(date, options.TimeZone) : null,
            Mandatory: options.Mandatory,
            LegalNotification: options.LegalNotification,
            Sender: new MemoParty(options.Sender.Id, "CVR", options.Sender.Label.Trim()),
            Recipient: new MemoParty(dispatch.RecipientId, dispatch.RecipientIdType.ToString(), dispatch.RecipientName),
            CaseId: dispatch.CaseNumber,
            CaseSystem: options.CaseSystem.Trim(),
            CreatedUtc: createdUtc,
            MainDocument: new MemoFile(dispatch.LetterFileName, dispatch.LetterContentType, "da", dispatch.LetterContent));
    }

    /// <summary>"Svar senest 20. april" means until the end of 20 April in Denmark: 23:59:59 local time, as UTC.</summary>
    public static DateTime EndOfDayUtc(DateOnly date, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = date.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateOnly Today(TimeProvider clock, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);
}
