using System.ComponentModel.DataAnnotations;
using SmartPost.Api.Recipients;

namespace SmartPost.Api.Replies;

/// <summary>A reply already journalized in WorkZone (JSON form of POST /api/v1/replies).</summary>
public sealed class JsonReplyRequest
{
    /// <summary>WorkZone document id; the idempotency key.</summary>
    [Required(AllowEmptyStrings = false), StringLength(200)]
    public string DocumentId { get; set; } = "";

    [StringLength(100)]
    public string? CaseNumber { get; set; }

    [StringLength(100)]
    public string? Team { get; set; }

    /// <summary>When the reply arrived; now when omitted.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    [StringLength(1000)]
    public string? Subject { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string Text { get; set; } = "";

    public SenderRequest? Sender { get; set; }

    /// <summary>Swagger example: a citizen's e-mail reply, journalized in WorkZone, asking for aktindsigt.</summary>
    public static JsonReplyRequest Example => new()
    {
        DocumentId = "D2026-004790",
        CaseNumber = "FS-2026-010001",
        Team = "team-helbred",
        ReceivedAt = new DateTimeOffset(2026, 11, 21, 9, 9, 43, TimeSpan.FromHours(1)),
        Subject = "Sv: Anmodning om lægeerklæring",
        Text = "Hej\n\nJeg vil gerne have aktindsigt i min sag, herunder lægens udtalelse.\n\nMvh\nMette Hansen",
        Sender = new SenderRequest { IdType = RecipientIdType.CPR, Id = "010190-1234" },
    };
}

public sealed class SenderRequest
{
    [Required]
    public RecipientIdType? IdType { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string Id { get; set; } = "";
}

/// <summary>
/// Swagger example of the application/xml form of POST /api/v1/replies: a citizen's MeMo 1.1 reply as Digital Post
/// delivers it (answering the dispatch in DispatchResponse.Example; the text/plain main document asks for more time).
/// </summary>
public static class MemoReplyExample
{
    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" memoVersion="1.1" memoSchVersion="1.1.0">
          <memo:MessageHeader>
            <memo:messageType>DIGITALPOST</memo:messageType>
            <memo:messageUUID>5c1f9a7e-2b84-4d3a-9e61-0f7b3c8d2a19</memo:messageUUID>
            <memo:label>Sv: Anmodning om lægeerklæring</memo:label>
            <memo:reply>false</memo:reply>
            <memo:mandatory>false</memo:mandatory>
            <memo:legalNotification>false</memo:legalNotification>
            <memo:Sender><memo:senderID>0101901234</memo:senderID><memo:idType>CPR</memo:idType><memo:label>Mette Hansen</memo:label></memo:Sender>
            <memo:Recipient><memo:recipientID>12345678</memo:recipientID><memo:idType>CVR</memo:idType><memo:label>Færdselsstyrelsen</memo:label></memo:Recipient>
            <memo:ContentData><memo:CaseID><memo:caseID>FS-2026-010001</memo:caseID><memo:caseSystem>WorkZone</memo:caseSystem></memo:CaseID></memo:ContentData>
            <memo:ReplyData><memo:messageUUID>b7e4a2d9-51c3-4f08-8a6e-2d9c0f3b1e57</memo:messageUUID></memo:ReplyData>
          </memo:MessageHeader>
          <memo:MessageBody>
            <memo:createdDateTime>2026-11-24T18:42:10Z</memo:createdDateTime>
            <memo:MainDocument>
              <memo:label>Svar</memo:label>
              <memo:File>
                <memo:encodingFormat>text/plain</memo:encodingFormat>
                <memo:filename>svar.txt</memo:filename>
                <memo:language>da</memo:language>
                <memo:content>SGVqCgpKZWcgaGFyIHRhbHQgbWVkIG1pbiBsw6ZnZSwgc29tIHNlbmRlciBsw6ZnZWVya2zDpnJpbmdlbiBkaXJla3RlIHRpbCBqZXIuIEzDpmdlbiBrYW4gZsO4cnN0IHNlIG1pZyBpIG7DpnN0ZSBtw6VuZWQsIHPDpSBqZWcgYmVkZXIgb20gZnJpc3Rmb3Jsw6ZuZ2Vsc2UgdGlsIGRlbiA1LiBqYW51YXIgMjAyNy4KCk1lZCB2ZW5saWcgaGlsc2VuCk1ldHRlIEhhbnNlbg==</memo:content>
              </memo:File>
            </memo:MainDocument>
          </memo:MessageBody>
        </memo:Message>
        """;
}
