using System.Text;
using System.Xml.Linq;
using SmartPost.Api.Memo;

namespace SmartPost.Api.Tests.Memo;

public class MemoMessageWriterTests
{
    private static readonly XNamespace M = MemoFormat.Namespace;

    internal static OutgoingMemoMessage Message(string idType = "CPR", string id = "1504662765", bool reply = true, DateTime? replyBy = null) => new(
        MessageUuid: Guid.NewGuid(),
        MessageId: Guid.NewGuid().ToString(),
        Label: "Afgørelse om førerret & <klagevejledning>",
        Reply: reply,
        ReplyByUtc: replyBy,
        Mandatory: false,
        LegalNotification: false,
        Sender: new MemoParty("12345678", "CVR", "Færdselsstyrelsen"),
        Recipient: new MemoParty(id, idType, "Else Marie Krogh"),
        CaseId: "FST-2026-01234",
        CaseSystem: "WorkZone",
        CreatedUtc: new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc),
        MainDocument: new MemoFile("brev.pdf", "application/pdf", "da", Encoding.UTF8.GetBytes("%PDF-1.7 brev")));

    public static TheoryData<string, string, bool, bool> Variants => new()
    {
        { "CPR", "1504662765", true, true },
        { "CPR", "1504662765", true, false },
        { "CPR", "1504662765", false, false },
        { "CVR", "24405843", true, true },
        { "CVR", "24405843", false, false },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryVariantValidatesAgainstTheOfficialSchema(string idType, string id, bool reply, bool withReplyBy)
    {
        var xml = MemoMessageWriter.Write(Message(idType, id, reply, withReplyBy ? new DateTime(2026, 4, 20, 21, 59, 59, DateTimeKind.Utc) : null));
        Assert.Empty(MemoSchema.Validate(xml));
    }

    [Fact]
    public void SchemaValidationCatchesABrokenMessage()
    {
        // Guards the validator itself: a message with elements out of schema order must fail.
        var doc = XDocument.Parse(MemoMessageWriter.Write(Message()));
        var header = doc.Root!.Element(M + "MessageHeader")!;
        var label = header.Element(M + "label")!;
        label.Remove();
        header.Add(label);
        Assert.NotEmpty(MemoSchema.Validate(doc.ToString()));
    }

    [Fact]
    public void ReplyDeadlineIsWrittenInUtcOnlyWithReply()
    {
        var deadline = new DateTime(2026, 4, 20, 21, 59, 59, DateTimeKind.Utc);
        var withReply = XDocument.Parse(MemoMessageWriter.Write(Message(reply: true, replyBy: deadline)));
        var withoutReply = XDocument.Parse(MemoMessageWriter.Write(Message(reply: false, replyBy: deadline)));

        Assert.Equal("2026-04-20T21:59:59Z", withReply.Descendants(M + "replyByDateTime").Single().Value);
        Assert.Equal("true", withReply.Descendants(M + "reply").Single().Value);
        Assert.Empty(withoutReply.Descendants(M + "replyByDateTime"));
        Assert.Equal("false", withoutReply.Descendants(M + "reply").Single().Value);
    }

    [Fact]
    public void LabelLongerThanMemoAllowsIsRefused()
    {
        var message = Message() with { Label = new string('x', 257) };
        Assert.Throws<ArgumentException>(() => MemoMessageWriter.Write(message));
    }
}
