using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SmartPost.Api.Memo;

/// <summary>
/// Writes an outgoing MeMo 1.1 message. Element order follows MeMo_core.xsd (xs:sequence), so the output validates
/// against the official schema; the tests prove it for every variant.
/// </summary>
public static class MemoMessageWriter
{
    private static readonly XNamespace M = MemoFormat.Namespace;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public static string Write(OutgoingMemoMessage message)
    {
        var header = new XElement(M + "MessageHeader",
            new XElement(M + "messageType", "DIGITALPOST"),
            new XElement(M + "messageUUID", message.MessageUuid.ToString("D")),
            new XElement(M + "messageID", Text(message.MessageId, "messageID")),
            new XElement(M + "label", Text(message.Label, "label")),
            new XElement(M + "reply", message.Reply),
            // replyByDateTime only makes sense with a "Besvar" button; MeMo dateTimes are UTC with a Z suffix.
            message.Reply && message.ReplyByUtc is { } replyBy ? new XElement(M + "replyByDateTime", Utc(replyBy)) : null,
            new XElement(M + "mandatory", message.Mandatory),
            new XElement(M + "legalNotification", message.LegalNotification),
            Party("Sender", "senderID", message.Sender),
            Party("Recipient", "recipientID", message.Recipient),
            new XElement(M + "ContentData",
                new XElement(M + "CaseID",
                    new XElement(M + "caseID", Text(message.CaseId, "caseID")),
                    new XElement(M + "caseSystem", Text(message.CaseSystem, "caseSystem")))));

        var file = message.MainDocument;
        var body = new XElement(M + "MessageBody",
            new XElement(M + "createdDateTime", Utc(message.CreatedUtc)),
            new XElement(M + "MainDocument",
                new XElement(M + "label", Text(message.Label, "label")),
                new XElement(M + "File",
                    new XElement(M + "encodingFormat", Text(file.EncodingFormat, "encodingFormat")),
                    new XElement(M + "filename", Text(file.FileName, "filename")),
                    new XElement(M + "language", file.Language),
                    new XElement(M + "content", Convert.ToBase64String(file.Content)))));

        var root = new XElement(M + "Message",
            new XAttribute("memoVersion", MemoFormat.Version),
            new XAttribute("memoSchVersion", MemoFormat.SchemaVersion),
            header,
            body);

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            new XDocument(root).Save(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static XElement Party(string element, string idElement, MemoParty party) =>
        new(M + element,
            new XElement(M + idElement, Text(party.Id, idElement)),
            new XElement(M + "idType", party.IdType),
            party.Label is { Length: > 0 } label ? new XElement(M + "label", Text(label, "label")) : null);

    private static string Utc(DateTime value) =>
        (value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Callers validate lengths with a field name the user understands; this is the last line of defence.</summary>
    private static string Text(string value, string element) => value.Length <= MemoFormat.MaxTextLength
        ? value
        : throw new ArgumentException($"MeMo {element} is longer than {MemoFormat.MaxTextLength} characters.");
}
