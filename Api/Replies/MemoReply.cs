using SmartPost.Api.Memo;

namespace SmartPost.Api.Replies;

/// <summary>
/// A citizen's reply as Digital Post delivers it (MeMo, read by <see cref="MemoMessageReader"/>) turned into an
/// <see cref="IncomingReply"/>: header fields plus the text of its documents. A file we cannot read (PDF, images)
/// is kept and the reply goes to manual screening (issue 3: "stored and flagged, never dropped").
/// </summary>
public static class MemoReply
{
    public static IncomingReply ToIncoming(MemoMessage message, DateTimeOffset receivedAt)
    {
        var documents = new List<IncomingDocument>();
        var texts = new List<string>();
        var unreadable = new List<string>();
        foreach (var (file, isMain) in message.MainDocument.Files.Select(f => (f, true))
                     .Concat(message.AdditionalDocuments.SelectMany(d => d.Files).Select(f => (f, false))))
        {
            var name = file.FileName.Length > 0 ? file.FileName : "ukendt";
            var text = DocumentText.TryExtract(file.MediaType, name, file.Content);
            if (text is null) unreadable.Add($"'{name}' ({file.MediaType})");
            else if (text.Trim().Length > 0) texts.Add(text.Trim());
            documents.Add(new IncomingDocument(name, file.MediaType, file.Content, isMain, text is not null));
        }

        var manual = unreadable.Count > 0
            ? $"Kan ikke læse {string.Join(", ", unreadable)} automatisk; læs filen og screen manuelt."
            : texts.Count == 0 ? "Meddelelsen har ingen læsbar tekst." : null;
        var label = message.Label.Length > 0 ? message.Label : null;
        // A reply on a catch-all case has no ContentData; ReplyData may still carry the case id.
        var caseId = message.CaseId ?? message.ReplyData.Select(r => r.CaseId).FirstOrDefault(c => c is not null);
        return new IncomingReply(
            $"memo:{message.MessageUuid}", message.MessageUuid, null, label, message.InReplyTo, caseId, null, receivedAt,
            label, string.Join("\n\n", texts), Blank(message.Sender.IdType)?.ToUpperInvariant(), message.Sender.Id,
            documents, manual);
    }

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
