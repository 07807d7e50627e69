using SmartPost.Api.Memo;

namespace SmartPost.Api.Replies;

/// <summary>
/// A citizen's reply as Digital Post delivers it (MeMo, read by <see cref="MemoMessageReader"/>) turned into an
/// <see cref="IncomingReply"/>: header fields plus the text of its documents, read by <see cref="ReplyFiles"/>.
/// </summary>
public static class MemoReply
{
    public static IncomingReply ToIncoming(MemoMessage message, DateTimeOffset receivedAt, RepliesOptions limits)
    {
        var read = ReplyFiles.Read(message.MainDocument.Files.Select(f => (f, true))
            .Concat(message.AdditionalDocuments.SelectMany(d => d.Files).Select(f => (f, false)))
            .Select(x => new ReplyFile(x.f.FileName, x.f.MediaType, x.f.Content, x.Item2)), limits);
        var label = message.Label.Length > 0 ? message.Label : null;
        // A reply on a catch-all case has no ContentData; ReplyData may still carry the case id.
        var caseId = message.CaseId ?? message.ReplyData.Select(r => r.CaseId).FirstOrDefault(c => c is not null);
        return new IncomingReply(
            $"memo:{message.MessageUuid}", message.MessageUuid, null, label, message.InReplyTo, caseId, null, receivedAt,
            label, read.Text, Blank(message.Sender.IdType)?.ToUpperInvariant(), message.Sender.Id,
            read.Documents, read.ManualScreeningReason);
    }

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
