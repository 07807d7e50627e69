using System.Text;
using SmartPost.Api.Memo;

namespace SmartPost.Api.Tests.Memo;

public class MemoMessageReaderTests
{
    private const string Ns = MemoFormat.Namespace;

    private static string CitizenReply(Guid original, string extra = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Message xmlns="{Ns}" memoVersion="1.2" memoSchVersion="1.2.0">
          <MessageHeader>
            <messageType>DIGITALPOST</messageType>
            <messageUUID>3f0c4a52-9d0e-4c5b-8a57-0d7a4c3b1e21</messageUUID>
            <label>Svar: Afgørelse om førerret</label>
            <Sender><senderID>0403491566</senderID><idType>CPR</idType><label>Else Marie Krogh</label></Sender>
            <Recipient><recipientID>12345678</recipientID><idType>CVR</idType><label>Færdselsstyrelsen</label></Recipient>
            <ContentData><CaseID><caseID>FST-2026-01234</caseID><caseSystem>WorkZone</caseSystem></CaseID></ContentData>
            <ReplyData>
              <messageUUID>{original}</messageUUID>
              <replyUUID>7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6</replyUUID>
              <caseID>FST-2026-01234</caseID>
            </ReplyData>
          </MessageHeader>
          <MessageBody>
            <createdDateTime>2026-03-05T10:15:00Z</createdDateTime>
            <MainDocument>
              <File><encodingFormat>text/plain</encodingFormat><filename>Besked.txt</filename><language>da</language>
                <content>{Convert.ToBase64String(Encoding.UTF8.GetBytes("Jeg vil klage over afgørelsen."))}</content></File>
            </MainDocument>
            <AdditionalDocument>
              <label>Lægeerklæring</label>
              <File><encodingFormat>application/pdf</encodingFormat><filename>erklaering.pdf</filename><language>da</language>
                <content>{Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4"))}</content></File>
            </AdditionalDocument>
            {extra}
          </MessageBody>
        </Message>
        """;

    [Fact]
    public void CitizenReplyIsReadWithReplyDataCaseAndDocuments()
    {
        var original = Guid.NewGuid();
        var message = MemoMessageReader.Read(CitizenReply(original));

        Assert.Equal("1.2", message.MemoVersion);
        Assert.Equal(Guid.Parse("3f0c4a52-9d0e-4c5b-8a57-0d7a4c3b1e21"), message.MessageUuid);
        Assert.Equal("Svar: Afgørelse om førerret", message.Label);
        Assert.Equal(new MemoParty("0403491566", "CPR", "Else Marie Krogh"), message.Sender);
        Assert.Equal("12345678", message.Recipient?.Id);
        Assert.Equal("FST-2026-01234", message.CaseId);
        Assert.Equal(original, message.InReplyTo);
        Assert.Equal(Guid.Parse("7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"), message.ReplyData[0].ReplyUuid);
        Assert.Equal("FST-2026-01234", message.ReplyData[0].CaseId);
        Assert.Equal("Jeg vil klage over afgørelsen.", Encoding.UTF8.GetString(message.MainDocument.Files[0].Content));
        Assert.Equal("text/plain", message.MainDocument.Files[0].MediaType);
        var attachment = Assert.Single(message.AdditionalDocuments);
        Assert.Equal("Lægeerklæring", attachment.Label);
        Assert.Equal("application/pdf", attachment.Files[0].MediaType);
        Assert.Equal(2, message.AllFiles.Count());
    }

    [Fact]
    public void GeneratedMessageRoundTrips()
    {
        var outgoing = MemoMessageWriterTests.Message(reply: true, replyBy: new DateTime(2026, 4, 20, 21, 59, 59, DateTimeKind.Utc));
        var read = MemoMessageReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(MemoMessageWriter.Write(outgoing))));

        Assert.Equal(outgoing.MessageUuid, read.MessageUuid);
        Assert.Equal(outgoing.MessageId, read.MessageId);
        Assert.Equal(outgoing.Label, read.Label);
        Assert.True(read.Reply);
        Assert.Equal(outgoing.ReplyByUtc, read.ReplyByUtc);
        Assert.Equal(outgoing.Sender, read.Sender);
        Assert.Equal(outgoing.Recipient, read.Recipient);
        Assert.Equal(outgoing.CaseId, read.CaseId);
        Assert.Null(read.InReplyTo);
        Assert.Equal(outgoing.CreatedUtc, read.CreatedUtc);
        var file = Assert.Single(read.MainDocument.Files);
        Assert.Equal(outgoing.MainDocument.FileName, file.FileName);
        Assert.Equal(outgoing.MainDocument.Content, file.Content);
        Assert.Equal("application/pdf", file.MediaType);
    }

    [Fact]
    public void ExternalEntityIsRejectedAsDtd()
    {
        var xxe = $"""
            <?xml version="1.0"?>
            <!DOCTYPE Message [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <Message xmlns="{Ns}" memoVersion="1.1"><MessageHeader><label>&secret;</label></MessageHeader></Message>
            """;
        var error = Assert.Throws<MemoFormatException>(() => MemoMessageReader.Read(xxe));
        Assert.Equal(MemoErrorKind.DtdNotAllowed, error.Kind);
        Assert.DoesNotContain("root:", error.Message);
    }

    [Fact]
    public void EntityExpansionBombIsRejectedAsDtd()
    {
        var bomb = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>""";
        Assert.Equal(MemoErrorKind.DtdNotAllowed, Assert.Throws<MemoFormatException>(() => MemoMessageReader.Read(bomb)).Kind);
    }

    [Fact]
    public void MalformedXmlNamesLineAndPosition()
    {
        var broken = CitizenReply(Guid.NewGuid()).Replace("</label>\n    <Sender>", "\n    <Sender>");
        var error = Assert.Throws<MemoFormatException>(() => MemoMessageReader.Read(broken));
        Assert.Equal(MemoErrorKind.Malformed, error.Kind);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Position);
        Assert.Contains($"linje {error.Line}", error.Message);
    }

    [Theory]
    [InlineData("<messageUUID>3f0c4a52-9d0e-4c5b-8a57-0d7a4c3b1e21</messageUUID>", "", "messageUUID")]
    [InlineData("<messageUUID>3f0c4a52-9d0e-4c5b-8a57-0d7a4c3b1e21</messageUUID>", "<messageUUID>not-a-uuid</messageUUID>", "UUID")]
    [InlineData("<senderID>0403491566</senderID>", "", "senderID")]
    public void MessageLackingWhatWeNeedIsInvalid(string remove, string replacement, string expectedInMessage)
    {
        var xml = CitizenReply(Guid.NewGuid()).Replace(remove, replacement);
        var error = Assert.Throws<MemoFormatException>(() => MemoMessageReader.Read(xml));
        Assert.Equal(MemoErrorKind.Invalid, error.Kind);
        Assert.Contains(expectedInMessage, error.Message);
    }

    [Fact]
    public void MessageWithoutDocumentIsInvalid()
    {
        var xml = CitizenReply(Guid.NewGuid());
        var start = xml.IndexOf("<MessageBody>", StringComparison.Ordinal);
        var end = xml.IndexOf("</MessageBody>", StringComparison.Ordinal) + "</MessageBody>".Length;
        var error = Assert.Throws<MemoFormatException>(() => MemoMessageReader.Read(xml.Remove(start, end - start)));
        Assert.Contains("MessageBody", error.Message);
    }

    [Fact]
    public void ForeignRootElementIsInvalid()
    {
        var error = Assert.Throws<MemoFormatException>(() => MemoMessageReader.Read("<Message memoVersion=\"1.1\"/>"));
        Assert.Equal(MemoErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void BrokenBase64ContentIsInvalidWithLine()
    {
        var xml = CitizenReply(Guid.NewGuid()).Replace("<content>JVBERi0xLjQ=</content>", "<content>%%%not base64</content>");
        Assert.Contains("%%%not base64", xml);
        var error = Assert.Throws<MemoFormatException>(() => MemoMessageReader.Read(xml));
        Assert.Contains("base64", error.Message);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void FileTypeFallsBackToExtensionWhenEncodingFormatIsNotAMimeType()
    {
        var file = new MemoFile("svar.docx", "base64", "da", []);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.MediaType);
    }
}
