using System.Globalization;
using SmartPost.Api.Memo;

namespace SmartPost.Api.Replies;

/// <summary>
/// A citizen's reply as Digital Post delivers it (MeMo, read by <see cref="MemoMessageReader"/>) turned into an
/// <see cref="IncomingReply"/>: header fields plus the text of its documents. Every file is kept. One that cannot be
/// read (PDF, images, damaged), is over <see cref="RepliesOptions.MaxAttachmentBytes"/> or holds more text than
/// <see cref="RepliesOptions.MaxTextCharacters"/> sends the reply to manual screening with the reason — what could
/// be read is still screened.
/// </summary>
public static class MemoReply
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static IncomingReply ToIncoming(MemoMessage message, DateTimeOffset receivedAt, RepliesOptions limits)
    {
        var documents = new List<IncomingDocument>();
        var texts = new List<string>();
        var reasons = new List<string>();
        var unreadable = new List<string>();
        var budget = limits.MaxTextCharacters;
        foreach (var (file, isMain) in message.MainDocument.Files.Select(f => (f, true))
                     .Concat(message.AdditionalDocuments.SelectMany(d => d.Files).Select(f => (f, false))))
        {
            var name = file.FileName.Length > 0 ? file.FileName : "ukendt";
            ExtractedText? text = null;
            if (file.Content.Length > limits.MaxAttachmentBytes)
            {
                reasons.Add($"Filen '{name}' er for stor til automatisk læsning ({Megabytes(file.Content.Length)}; grænsen er "
                    + $"{Megabytes(limits.MaxAttachmentBytes)}). Læs den og screen svaret manuelt.");
            }
            else
            {
                text = DocumentText.TryExtract(file.MediaType, name, file.Content, Math.Max(budget, 0));
                if (text is null) unreadable.Add($"'{name}' ({file.MediaType})");
                else if (text.Truncated)
                    reasons.Add($"Filen '{name}' indeholder mere tekst, end der screenes automatisk; kun de første "
                        + $"{limits.MaxTextCharacters.ToString("N0", Danish)} tegn er læst. Læs resten og screen svaret manuelt.");
                if (text is { Text: var t } && t.Trim().Length > 0)
                {
                    texts.Add(t.Trim());
                    budget -= t.Length;
                }
            }
            documents.Add(new IncomingDocument(name, file.MediaType, file.Content, isMain, text is not null));
        }

        if (unreadable.Count > 0) reasons.Insert(0, $"Kan ikke læse {string.Join(", ", unreadable)} automatisk; læs filen og screen manuelt.");
        else if (texts.Count == 0 && reasons.Count == 0) reasons.Add("Meddelelsen har ingen læsbar tekst.");
        var label = message.Label.Length > 0 ? message.Label : null;
        // A reply on a catch-all case has no ContentData; ReplyData may still carry the case id.
        var caseId = message.CaseId ?? message.ReplyData.Select(r => r.CaseId).FirstOrDefault(c => c is not null);
        return new IncomingReply(
            $"memo:{message.MessageUuid}", message.MessageUuid, null, label, message.InReplyTo, caseId, null, receivedAt,
            label, string.Join("\n\n", texts), Blank(message.Sender.IdType)?.ToUpperInvariant(), message.Sender.Id,
            documents, reasons.Count > 0 ? string.Join(" ", reasons) : null);
    }

    private static string Megabytes(long bytes) => $"{(bytes / (1024.0 * 1024)).ToString("0.0", Danish)} MB";

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
