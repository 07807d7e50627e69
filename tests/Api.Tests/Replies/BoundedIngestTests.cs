using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Replies;
using SmartPost.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SmartPost.Api.Tests.Replies;

/// <summary>
/// Every reply is stored; what cannot be read or screened within the configured size and time is stored with what
/// could be read and marked "kræver manuel screening" with the reason.
/// </summary>
public class BoundedIngestTests
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task AttachmentOverTheSizeLimitIsStoredUnreadAndMarked()
    {
        using var api = new ApiFactory().WithSetting("Replies:MaxAttachmentBytes", "2048");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a", "team-postmodtagelse");
        var big = Encoding.UTF8.GetBytes("Jeg vil klage. " + new string('x', 5000));

        var response = await client.PostXmlAsync(ReplyTestKit.Memo(Guid.NewGuid(), "klage.txt", "text/plain", big, caseId: "FS-1"));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await (await client.GetAsync($"/api/v1/replies/{body["id"]}")).ReadJsonAsync();
        Assert.True((bool)detail["needsManualScreening"]!);
        Assert.Equal("Filen 'klage.txt' er for stor til automatisk læsning (0,0 MB; grænsen er 0,0 MB). Læs den og screen svaret manuelt.",
            (string?)detail["manualScreeningReason"]);
        var document = detail["documents"]![0]!;
        Assert.Equal(big.Length, (int)document["size"]!);
        Assert.False((bool)document["textExtracted"]!);
    }

    [Fact]
    public async Task TextOverTheLengthLimitIsStoredCutAndMarked()
    {
        using var api = new ApiFactory().WithSetting("Replies:MaxTextCharacters", "1000");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a", "team-postmodtagelse");
        var text = "Jeg vil gerne have aktindsigt. " + new string('x', 3000);

        var body = await client.IngestAsync("D-LONG", "team-a", text);
        var detail = await (await client.GetAsync($"/api/v1/replies/{body["id"]}")).ReadJsonAsync();

        Assert.Equal(text[..1000], (string?)detail["text"]);
        Assert.True((bool)detail["needsManualScreening"]!);
        Assert.StartsWith("Svaret er for langt til automatisk screening; kun de første 1.000 tegn", (string?)detail["manualScreeningReason"]);
        // What could be read is still screened.
        Assert.Contains(detail["flags"]!, f => (string?)f["kind"] == "AccessToRecordsRequest");
    }

    [Fact]
    public async Task ScreeningOverItsTimeBudgetStoresTheReplyMarked()
    {
        // 1 ms for a million characters: the screener cannot finish; the reply must be stored anyway.
        using var api = new ApiFactory().WithSetting("Replies:ScreeningTimeout", "00:00:00.001").WithSetting("Replies:MaxTextCharacters", "1000000");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a", "team-postmodtagelse");
        var text = string.Concat(Enumerable.Repeat("Jeg vil klage over afgørelsen, og jeg beder om aktindsigt. ", 16_000));

        var body = await client.IngestAsync("D-SLOW", "team-a", text);
        var detail = await (await client.GetAsync($"/api/v1/replies/{body["id"]}")).ReadJsonAsync();

        Assert.Equal(text.Length, ((string)detail["text"]!).Length);
        Assert.True((bool)detail["needsManualScreening"]!);
        Assert.Equal("Den automatiske screening blev ikke færdig inden for 0 sekunder; screen svaret manuelt.", (string?)detail["manualScreeningReason"]);
    }

    [Fact]
    public async Task DocxWithinTheLimitsIsReadWholeAndNotMarked()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a", "team-postmodtagelse");
        var docx = Docx(w => { w.Write(Paragraph("Kære Færdselsstyrelsen")); w.Write(Paragraph("Jeg ønsker\taktindsigt.")); });

        var body = await (await client.PostXmlAsync(ReplyTestKit.Memo(Guid.NewGuid(), "svar.docx", DocxType, docx, caseId: "FS-1"))).ReadJsonAsync();
        var detail = await (await client.GetAsync($"/api/v1/replies/{body["id"]}")).ReadJsonAsync();

        Assert.Equal("Kære Færdselsstyrelsen\nJeg ønsker\taktindsigt.", (string?)detail["text"]);
        Assert.False((bool)detail["needsManualScreening"]!);
    }

    internal static string Paragraph(string text) =>
        $"<w:p><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(text)}</w:t></w:r></w:p>";

    /// <summary>A minimal .docx whose main part's body is written by <paramref name="body"/> (streamed into the zip).</summary>
    internal static byte[] Docx(Action<StreamWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string content)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(content);
            }
            Entry("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var main = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            main.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""");
            body(main);
            main.Write("</w:body></w:document>");
        }
        return buffer.ToArray();
    }
}

/// <summary>Runs alone: it measures the process's allocations during one request.</summary>
[CollectionDefinition(nameof(AllocationMeasuring), DisableParallelization = true)]
public sealed class AllocationMeasuring;

[Collection(nameof(AllocationMeasuring))]
public class ZipBombReplyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DocxExpandingToHundredsOfMegabytesIsStoredCutAndMarkedWithBoundedMemory()
    {
        // 226 MB of text in one paragraph, packed into a .docx of well under a megabyte.
        const long expandedCharacters = 226L * 1024 * 1024;
        var sentence = "Jeg vil klage over afgørelsen og beder om aktindsigt i sagen. ";
        var docx = BoundedIngestTests.Docx(w =>
        {
            w.Write("<w:p><w:r><w:t>");
            var block = string.Concat(Enumerable.Repeat(sentence, 16_384 / sentence.Length));
            for (long written = 0; written < expandedCharacters; written += block.Length) w.Write(block);
            w.Write("</w:t></w:r></w:p>");
        });
        output.WriteLine($".docx: {docx.Length / 1024} KB, expands to {expandedCharacters / (1024 * 1024)} MB of text");
        Assert.True(docx.Length < 1024 * 1024);

        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a", "team-postmodtagelse");
        var memo = ReplyTestKit.Memo(Guid.NewGuid(), "svar.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx, caseId: "FS-1");
        // Start the app and load the screening lexicon before measuring.
        await client.IngestAsync("D-WARM-UP", "team-a", "Tak for brevet.");

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var response = await client.PostXmlAsync(memo);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"ingest: {(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms, {allocated / (1024 * 1024)} MB allocated");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // Reading the expanded text would allocate at least 452 MB (UTF-16); the cap keeps it to a small multiple of the message.
        Assert.True(allocated < 150L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated");
        var detail = await (await client.GetAsync($"/api/v1/replies/{(await response.ReadJsonAsync())["id"]}")).ReadJsonAsync();
        Assert.True((bool)detail["needsManualScreening"]!);
        Assert.Equal("Filen 'svar.docx' indeholder mere tekst, end der screenes automatisk; kun de første 200.000 tegn er læst. Læs resten og screen svaret manuelt.",
            (string?)detail["manualScreeningReason"]);
        Assert.Equal(200_000, ((string)detail["text"]!).Length);
        Assert.Equal(docx.Length, (int)detail["documents"]![0]!["size"]!);
        Assert.Contains(detail["flags"]!, f => (string?)f["kind"] == "Complaint");
    }
}
