using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SmartPost.Api.Memo;

/// <summary>
/// Reads an incoming MeMo message (1.1 or 1.2) leniently: by namespace and element name, not by schema, so a 1.2
/// reply is accepted. Rejects only what is not well-formed, carries a DTD, or lacks what we need
/// (messageUUID, sender, a main document with a file) — see shared/schemas/memo-1.1/SOURCE.md.
/// </summary>
public static class MemoMessageReader
{
    private static readonly XNamespace M = MemoFormat.Namespace;

    /// <summary>No DTDs and no resolver: an entity can neither expand nor fetch a file or URL (XXE).</summary>
    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static MemoMessage Read(string xml)
    {
        using var reader = new StringReader(xml);
        return Read(XmlReader.Create(reader, Settings()));
    }

    /// <summary>Reads from a stream; the caller bounds its size (request body limit).</summary>
    public static MemoMessage Read(Stream xml) => Read(XmlReader.Create(xml, Settings()));

    private static MemoMessage Read(XmlReader xmlReader)
    {
        XDocument document;
        try
        {
            using (xmlReader)
            {
                document = XDocument.Load(xmlReader, LoadOptions.SetLineInfo);
            }
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new MemoFormatException(MemoErrorKind.DtdNotAllowed,
                "XML med DTD (<!DOCTYPE>) afvises af sikkerhedshensyn.",
                ex.LineNumber, ex.LinePosition, ex);
        }
        catch (XmlException ex)
        {
            throw new MemoFormatException(MemoErrorKind.Malformed,
                $"Ugyldig XML i linje {ex.LineNumber}, position {ex.LinePosition}.",
                ex.LineNumber, ex.LinePosition, ex);
        }
        return Map(document.Root!);
    }

    private static MemoMessage Map(XElement root)
    {
        if (root.Name != M + "Message")
        {
            throw Invalid(root, $"Roden skal være Message i {MemoFormat.Namespace}.");
        }
        var header = Required(root, "MessageHeader");
        var body = Required(root, "MessageBody");
        var mainDocument = Document(Required(body, "MainDocument"));
        if (mainDocument.Files.Count == 0) throw Invalid(body, "MainDocument har ingen File.");

        return new MemoMessage(
            MemoVersion: (string?)root.Attribute("memoVersion") ?? "",
            MessageUuid: Uuid(Required(header, "messageUUID")),
            MessageId: Optional(header, "messageID"),
            Label: Optional(header, "label") ?? "",
            Reply: header.Element(M + "reply") is { } reply && Boolean(reply),
            ReplyByUtc: header.Element(M + "replyByDateTime") is { } replyBy ? DateTimeUtc(replyBy) : null,
            Sender: Party(Required(header, "Sender"), "senderID"),
            Recipient: header.Element(M + "Recipient") is { } recipient ? Party(recipient, "recipientID") : null,
            CaseId: header.Element(M + "ContentData")?.Element(M + "CaseID") is { } caseId ? Optional(caseId, "caseID") : null,
            ReplyData: header.Elements(M + "ReplyData").Select(ReplyDataOf).ToList(),
            CreatedUtc: body.Element(M + "createdDateTime") is { } created ? DateTimeUtc(created) : null,
            MainDocument: mainDocument,
            AdditionalDocuments: body.Elements(M + "AdditionalDocument").Select(Document).ToList());
    }

    private static MemoParty Party(XElement element, string idElement) =>
        new(Text(Required(element, idElement)), Optional(element, "idType") ?? "", Optional(element, "label"));

    private static MemoReplyData ReplyDataOf(XElement element) => new(
        Uuid(Required(element, "messageUUID")),
        element.Element(M + "replyUUID") is { } reply ? Uuid(reply) : null,
        Optional(element, "caseID"),
        Optional(element, "messageID"));

    private static MemoDocument Document(XElement element) =>
        new(Optional(element, "label"), element.Elements(M + "File").Select(File).ToList());

    private static MemoFile File(XElement element)
    {
        var content = Required(element, "content");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content.Value.Trim());
        }
        catch (FormatException ex)
        {
            throw Invalid(content, "File content er ikke gyldig base64.", ex);
        }
        return new MemoFile(
            FileName: Optional(element, "filename") ?? "",
            EncodingFormat: Optional(element, "encodingFormat") ?? "",
            Language: Optional(element, "language") ?? "",
            Content: bytes);
    }

    private static XElement Required(XElement parent, string name) =>
        parent.Element(M + name) ?? throw Invalid(parent, $"{parent.Name.LocalName} mangler {name}.");

    private static string? Optional(XElement parent, string name) =>
        parent.Element(M + name) is { } element && element.Value.Trim() is { Length: > 0 } value ? value : null;

    private static string Text(XElement element) =>
        element.Value.Trim() is { Length: > 0 } value ? value : throw Invalid(element, $"{element.Name.LocalName} er tom.");

    private static Guid Uuid(XElement element) => Guid.TryParse(element.Value.Trim(), out var uuid)
        ? uuid
        : throw Invalid(element, $"{element.Name.LocalName} er ikke et UUID.");

    private static bool Boolean(XElement element) => element.Value.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        var other => throw Invalid(element, $"{element.Name.LocalName} er ikke true/false: '{Shorten(other)}'."),
    };

    private static DateTime DateTimeUtc(XElement element) =>
        DateTimeOffset.TryParse(element.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime
            : throw Invalid(element, $"{element.Name.LocalName} er ikke et tidspunkt.");

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    private static MemoFormatException Invalid(XElement at, string message, Exception? inner = null)
    {
        var info = (IXmlLineInfo)at;
        return info.HasLineInfo()
            ? new MemoFormatException(MemoErrorKind.Invalid, message, info.LineNumber, info.LinePosition, inner)
            : new MemoFormatException(MemoErrorKind.Invalid, message, inner: inner);
    }
}
