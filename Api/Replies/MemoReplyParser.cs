using System.Xml;
using System.Xml.Linq;

namespace SmartPost.Api.Replies;

/// <summary>
/// Reads a citizen's reply as Digital Post delivers it (MeMo 1.1): header fields and the text of its documents.
/// Never resolves DTDs or external entities. Errors come back as text with line/position for a 400 problem.
/// </summary>
public static class MemoReplyParser
{
    public const string Namespace = "https://DigitalPost.dk/MeMo-1";
    private static readonly XNamespace Memo = Namespace;

    public sealed record Result(IncomingReply? Reply, string? Error);

    public static async Task<Result> ParseAsync(Stream body, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true };
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(body, settings);
            doc = await XDocument.LoadAsync(reader, LoadOptions.None, ct);
        }
        catch (XmlException e)
        {
            return new Result(null, $"XML-fejl i linje {e.LineNumber}, position {e.LinePosition}: {e.Message}");
        }
        return Read(doc, receivedAt);
    }

    internal static Result Read(XDocument doc, DateTimeOffset receivedAt)
    {
        var header = doc.Root is { } root && root.Name == Memo + "Message" ? root.Element(Memo + "MessageHeader") : null;
        if (header is null) return new Result(null, "Roden skal være MeMo 'Message' med 'MessageHeader' (namespace https://DigitalPost.dk/MeMo-1).");
        if (!Guid.TryParse(Value(header, "messageUUID"), out var messageUuid))
        {
            return new Result(null, "MessageHeader/messageUUID mangler eller er ikke et UUID.");
        }

        var replyData = header.Element(Memo + "ReplyData");
        Guid? answers = Guid.TryParse(replyData is null ? null : Value(replyData, "messageUUID"), out var a) ? a : null;
        var caseId = header.Element(Memo + "ContentData")?.Element(Memo + "CaseID") is { } c ? Value(c, "caseID") : null;
        caseId ??= replyData is null ? null : Value(replyData, "caseID");
        var sender = header.Element(Memo + "Sender");

        var documents = new List<IncomingDocument>();
        var texts = new List<string>();
        var unreadable = new List<string>();
        var messageBody = doc.Root!.Element(Memo + "MessageBody");
        foreach (var part in messageBody?.Elements().Where(e => e.Name == Memo + "MainDocument" || e.Name == Memo + "AdditionalDocument") ?? [])
        {
            foreach (var file in part.Elements(Memo + "File"))
            {
                var name = Value(file, "filename") ?? "ukendt";
                var type = Value(file, "encodingFormat") ?? "";
                byte[] bytes;
                try { bytes = Convert.FromBase64String(Value(file, "content") ?? ""); }
                catch (FormatException) { return new Result(null, $"Filen '{name}' har ugyldigt base64-indhold."); }

                var text = DocumentText.TryExtract(type, name, bytes);
                if (text is null) unreadable.Add($"'{name}' ({type})");
                else if (text.Trim().Length > 0) texts.Add(text.Trim());
                documents.Add(new IncomingDocument(name, type, bytes, part.Name.LocalName == "MainDocument", text is not null));
            }
        }

        var manual = unreadable.Count > 0
            ? $"Kan ikke læse {string.Join(", ", unreadable)} automatisk; læs filen og screen manuelt."
            : texts.Count == 0 ? "Meddelelsen har ingen læsbar tekst." : null;
        var reply = new IncomingReply(
            $"memo:{messageUuid}", messageUuid, null, Value(header, "label"), answers, caseId, null, receivedAt,
            Value(header, "label"), string.Join("\n\n", texts),
            sender is null ? null : Value(sender, "idType")?.ToUpperInvariant(), sender is null ? null : Value(sender, "senderID"),
            documents, manual);
        return new Result(reply, null);
    }

    private static string? Value(XElement parent, string localName) =>
        parent.Element(Memo + localName)?.Value.Trim() is { Length: > 0 } v ? v : null;
}
