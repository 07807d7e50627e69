using System.Globalization;

namespace SmartPost.Api.Replies;

/// <summary>A file of a reply as it arrived (MeMo or WorkZone), before its text is read.</summary>
public sealed record ReplyFile(string Name, string MediaType, byte[] Content, bool IsMain);

/// <summary>What could be read from a reply's files: every file kept, their text, and why a person must screen it, if so.</summary>
public sealed record ReadFiles(List<IncomingDocument> Documents, string Text, string? ManualScreeningReason);

/// <summary>
/// Reads the text of a reply's files within the limits of <see cref="RepliesOptions"/>, the same way whichever channel
/// delivered them. Every file is kept. One that cannot be read (PDF, images, damaged), is over
/// <see cref="RepliesOptions.MaxAttachmentBytes"/> or holds more text than <see cref="RepliesOptions.MaxTextCharacters"/>
/// sends the reply to manual screening with the reason — what could be read is still screened.
/// </summary>
public static class ReplyFiles
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static ReadFiles Read(IEnumerable<ReplyFile> files, RepliesOptions limits)
    {
        var documents = new List<IncomingDocument>();
        var texts = new List<string>();
        var reasons = new List<string>();
        var unreadable = new List<string>();
        var budget = limits.MaxTextCharacters;
        foreach (var file in files)
        {
            var name = file.Name.Length > 0 ? file.Name : "ukendt";
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
            documents.Add(new IncomingDocument(name, file.MediaType, file.Content, file.IsMain, text is not null));
        }

        if (unreadable.Count > 0) reasons.Insert(0, $"Kan ikke læse {string.Join(", ", unreadable)} automatisk; læs filen og screen manuelt.");
        else if (texts.Count == 0 && reasons.Count == 0) reasons.Add("Svaret har ingen læsbar tekst.");
        return new ReadFiles(documents, string.Join("\n\n", texts), reasons.Count > 0 ? string.Join(" ", reasons) : null);
    }

    private static string Megabytes(long bytes) => $"{(bytes / (1024.0 * 1024)).ToString("0.0", Danish)} MB";
}
