using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Replies;
using SmartPost.Api.Tests.Infrastructure;
using System.Text;

namespace SmartPost.Api.Tests.Replies;

public class ReplyIngestTests
{
    [Fact]
    public async Task JsonReplyIsStoredScreenedAndInItsTeam()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var (response, body) = await client.PostJsonReplyAsync(new
        {
            documentId = "D-1", caseNumber = "FS-2026-000001", team = "team-a", receivedAt = "2026-11-20T09:00:00+01:00",
            subject = "Sv: Afgørelse", text = "Jeg vil gerne have aktindsigt i min sag.", sender = new { idType = "CPR", id = "150466-1234" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("team-a", (string?)body["team"]);
        Assert.Equal("GivenTeam", (string?)body["routing"]);
        Assert.Contains(body["flags"]!, f => (string?)f["kind"] == "AccessToRecordsRequest");
        Assert.NotNull((string?)body["dueDate"]);

        var detail = await (await client.GetAsync($"/api/v1/replies/{body["id"]}")).ReadJsonAsync();
        Assert.Equal("1504661234", (string?)detail["sender"]!["id"]);
        Assert.Equal("aktindsigt", (string?)detail["flags"]![0]!["evidence"]![0]!["text"], ignoreCase: true);
    }

    [Fact]
    public async Task APossibleFindingIsStoredWithItsCertaintyReasonAndDueDate()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var (_, body) = await client.PostJsonReplyAsync(new
        {
            documentId = "D-P", team = "team-a", receivedAt = "2026-11-20T09:00:00+01:00",
            subject = "Sv: Afgørelse", text = "Jeg har brug for referatet af mødet.",
        });
        var summary = Assert.Single(body["flags"]!);
        Assert.Equal(("AccessToRecordsRequest", "Possible"), ((string?)summary["kind"], (string?)summary["certainty"]));
        Assert.NotNull((string?)body["dueDate"]);

        var detail = await (await client.GetAsync($"/api/v1/replies/{body["id"]}")).ReadJsonAsync();
        var flag = Assert.Single(detail["flags"]!);
        Assert.Equal("Possible", (string?)flag["certainty"]);
        Assert.Contains("kan være aktindsigt", (string?)flag["reason"]);
    }

    [Fact]
    public async Task SameDocumentIdTwiceReturnsTheExistingReply()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var first = await client.PostJsonReplyAsync(new { documentId = "D-2", team = "team-a", text = "Hej" });
        var second = await client.PostJsonReplyAsync(new { documentId = "D-2", team = "team-a", text = "Hej igen" });
        Assert.Equal(HttpStatusCode.Created, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.Response.StatusCode);
        Assert.Equal((long)first.Body["id"]!, (long)second.Body["id"]!);
        Assert.Equal(1, await api.CreateDbContext().Set<Reply>().CountAsync());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ConcurrentDuplicateDeliveriesStoreOneReply(DatabaseKind kind)
    {
        using var api = new ApiFactory(kind);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var xml = ReplyTestKit.Memo(Guid.NewGuid(), "svar.txt", "text/plain", Encoding.UTF8.GetBytes("Jeg klager over afgørelsen."));
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostXmlAsync(xml)));
        var ids = new HashSet<long>();
        foreach (var r in responses)
        {
            Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
            ids.Add((long)(await r.ReadJsonAsync())["id"]!);
        }
        Assert.Single(ids);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await api.CreateDbContext().Set<Reply>().CountAsync());
    }

    /// <summary>
    /// With several ingest threads, deliveries of one document pass the duplicate look-up together and race to insert:
    /// the unique index on the source key decides, the losers' transactions roll back whole (reply, audit event) and
    /// they answer 200 with the winner's reply, not an error.
    /// </summary>
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task DuplicatesRacingOnSeveralIngestThreadsStoreOneReplyAndOneEvent(DatabaseKind kind)
    {
        using var api = new ApiFactory(kind).WithSetting("BulkWork:Threads", "8");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            client.PostJsonReplyAsync(new { documentId = "D-race", team = "team-a", text = "Jeg klager over afgørelsen." })));

        Assert.All(responses, r => Assert.True(r.Response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.Body.ToString()));
        Assert.Single(responses, r => r.Response.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses.Select(r => (long)r.Body["id"]!).Distinct());
        Assert.All(responses, r => Assert.Equal("team-a", (string?)r.Body["team"]));
        using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Set<Reply>().CountAsync());
        Assert.Equal(1, await db.Set<ReplyEvent>().CountAsync());
    }

    /// <summary>
    /// The duplicate check is a compiled query on pooled contexts: a redelivery after a restart (a new process, a new
    /// EF model, contexts that have served other requests) must still find the stored reply and not store a second.
    /// </summary>
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task RedeliveryAfterARestartReturnsTheStoredReply(DatabaseKind kind)
    {
        using var database = TestDatabase.Create(kind);
        long storedId;
        using (var before = new ApiFactory(database))
        {
            var client = before.CreateCaseworkerClient("cw-anna", "team-a");
            await client.IngestAsync("D-other", "team-a", "Et andet svar.");
            var (created, body) = await client.PostJsonReplyAsync(new { documentId = "D-restart", team = "team-a", text = "Jeg klager." });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            storedId = (long)body["id"]!;
        }

        using var after = new ApiFactory(database);
        var again = after.CreateCaseworkerClient("cw-anna", "team-a");
        await again.IngestAsync("D-after", "team-a", "Et nyt svar."); // the pooled context serves another ingest first
        var (redelivered, existing) = await again.PostJsonReplyAsync(new { documentId = "D-restart", team = "team-a", text = "Jeg klager igen." });
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(storedId, (long)existing["id"]!);
        var stored = await after.CreateDbContext().Set<Reply>().Where(r => r.DocumentId == "D-restart").ToListAsync();
        Assert.Equal("Jeg klager.", Assert.Single(stored).Text);
    }

    [Fact]
    public async Task MemoHtmlReplyIsScreenedWithoutMarkup()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-postmodtagelse");
        var html = "<html><head><style>p{}</style><script>alert('x')</script></head><body><p>Jeg beder om <b>aktindsigt</b> &amp; kopi.</p></body></html>";
        var body = await (await client.PostXmlAsync(ReplyTestKit.Memo(Guid.NewGuid(), "svar.html", "text/html", Encoding.UTF8.GetBytes(html)))).ReadJsonAsync();
        var detail = await (await client.GetAsync($"/api/v1/replies/{body["id"]}")).ReadJsonAsync();
        Assert.Equal("Jeg beder om aktindsigt & kopi.", (string?)detail["text"]);
        Assert.Contains(body["flags"]!, f => (string?)f["kind"] == "AccessToRecordsRequest");
    }

    [Fact]
    public async Task MemoDocxReplyIsExtractedToText()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-postmodtagelse");
        var docx = Docx("Kære Færdselsstyrelsen", "Jeg ønsker aktindsigt i sagen.");
        var body = await (await client.PostXmlAsync(ReplyTestKit.Memo(Guid.NewGuid(), "svar.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx))).ReadJsonAsync();
        var detail = await (await client.GetAsync($"/api/v1/replies/{body["id"]}")).ReadJsonAsync();
        Assert.Equal("Kære Færdselsstyrelsen\nJeg ønsker aktindsigt i sagen.", (string?)detail["text"]);
        Assert.False((bool)detail["needsManualScreening"]!);
    }

    [Fact]
    public async Task MemoPdfIsStoredAndMarkedForManualScreening()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-postmodtagelse");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% not readable here\n");
        var response = await client.PostXmlAsync(ReplyTestKit.Memo(Guid.NewGuid(), "klage.pdf", "application/pdf", pdf));
        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True((bool)body["needsManualScreening"]!);
        var detail = await (await client.GetAsync($"/api/v1/replies/{body["id"]}")).ReadJsonAsync();
        Assert.Contains("klage.pdf", (string?)detail["manualScreeningReason"]);
        Assert.Equal(pdf.Length, (int)detail["documents"]![0]!["size"]!);
        Assert.Equal("DefaultTeam", (string?)detail["routing"]);
    }

    [Fact]
    public async Task UnlinkableReplyGoesToTheConfiguredDefaultTeamVisiblyMarked()
    {
        using var api = new ApiFactory().WithSetting("Replies:DefaultTeam", "team-fordeling");
        var client = api.CreateCaseworkerClient("cw-anna", "team-fordeling");
        var xml = ReplyTestKit.Memo(Guid.NewGuid(), "besked.txt", "text/plain", Encoding.UTF8.GetBytes("Hej, j.nr. 25/04417 – hvornår hører jeg noget?"));
        var body = await (await client.PostXmlAsync(xml)).ReadJsonAsync();
        Assert.Equal("team-fordeling", (string?)body["team"]);
        Assert.Equal("DefaultTeam", (string?)body["routing"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["routingReason"]));
    }

    [Fact]
    public async Task MalformedXmlIsBadRequestWithLineAndPositionAndStoresNothing()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var response = await client.PostXmlAsync("<memo:Message xmlns:memo=\"https://DigitalPost.dk/MeMo-1\">\n  <memo:MessageHeader>\n</memo:Message>");
        var problem = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("linje 3", (string?)problem["detail"]);
        Assert.Equal(3, (int?)problem["line"]);
        Assert.Equal("Malformed", (string?)problem["errorKind"]);
        Assert.Equal(0, await api.CreateDbContext().Set<Reply>().CountAsync());
    }

    [Fact]
    public async Task XmlWithDtdOrExternalEntityIsRejected()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<memo:Message xmlns:memo=\"https://DigitalPost.dk/MeMo-1\">&x;</memo:Message>";
        var response = await client.PostXmlAsync(xml);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", text);
        Assert.Contains("DtdNotAllowed", text);
        Assert.Equal(0, await api.CreateDbContext().Set<Reply>().CountAsync());
    }

    [Fact]
    public async Task BodyOverTenMegabytesIsPayloadTooLarge()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var big = ReplyTestKit.Memo(Guid.NewGuid(), "svar.txt", "text/plain", new byte[8 * 1024 * 1024]);
        var response = await client.PostXmlAsync(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await api.CreateDbContext().Set<Reply>().CountAsync());
    }

    [Fact]
    public async Task JsonReplyWithoutTextOrWithBadCprNamesTheField()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var (missing, missingBody) = await client.PostJsonReplyAsync(new { documentId = "D-9", team = "team-a" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull(missingBody["errors"]!["Text"] ?? missingBody["errors"]!["text"]);
        var (badCpr, badBody) = await client.PostJsonReplyAsync(new { documentId = "D-9", team = "team-a", text = "x", sender = new { idType = "CPR", id = "3213991234" } });
        Assert.Equal(HttpStatusCode.BadRequest, badCpr.StatusCode);
        Assert.NotNull(badBody["errors"]!["sender.id"]);
        Assert.Equal(0, await api.CreateDbContext().Set<Reply>().CountAsync());
    }

    private static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(p))))));
        }
        return stream.ToArray();
    }
}
