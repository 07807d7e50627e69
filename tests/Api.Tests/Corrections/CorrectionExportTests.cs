using System.Net;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Screening.Learned;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;
using SmartPost.Api.Tests.Teams;
using SmartPost.Tools.TrainScreeningModel;

namespace SmartPost.Api.Tests.Corrections;

/// <summary>GET /api/v1/teams/{team}/corrections/export: JSON Lines the trainer reads, with CPR numbers masked.</summary>
public class CorrectionExportTests
{
    private const string Export = "/api/v1/teams/team-a/corrections/export?from=2026-12-01&to=2026-12-31";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ExportMasksCprAndTheTrainerTakesItsVerdictsOverTheLabels(DatabaseKind kind)
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-12-03T10:00:00Z"));
        using var api = new ApiFactory(kind).WithClock(clock);
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var rejected = (long)(await anna.IngestAsync("D-1", "team-a",
            "Mit cpr er 010203-1234. Jeg har brug for referatet af mødet.", subject: "Sag om 0102031234"))["id"]!;
        var addedReply = await anna.IngestAsync("D-2", "team-a", "Tak for brevet, jeg har læst det.");
        Assert.Empty(addedReply["flags"]!);
        var added = (long)addedReply["id"]!;
        var both = (long)(await anna.IngestAsync("D-3", "team-a", "Jeg klager over afgørelsen og beder om aktindsigt."))["id"]!;
        await anna.CorrectedAsync(rejected, "AccessToRecordsRequest", "Confirmed");
        await anna.CorrectedAsync(both, "Complaint", "Rejected");
        await anna.CorrectedAsync(rejected, "AccessToRecordsRequest", "Rejected");
        await anna.CorrectedAsync(added, "Complaint", "Added");

        var response = await RotaApiTests.Lead(api).GetAsync(Export);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("010203-1234", body);
        Assert.DoesNotContain("0102031234", body);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        // One current verdict per reply and kind, and the finding kept on a corrected reply.
        Assert.Equal(["AccessToRecordsRequest:Rejected:False", "Complaint:Added:False", "Complaint:Rejected:False", "AccessToRecordsRequest:Confirmed:True"],
            lines.Select(l => $"{l["kind"]}:{l["verdict"]}:{l["kept"]}"));
        Assert.Equal("Mit cpr er xxxxxx-xxxx. Jeg har brug for referatet af mødet.", (string?)lines[0]["text"]);
        Assert.Equal("Sag om xxxxxx-xxxx", (string?)lines[0]["subject"]);

        // The trainer reads the file, and its verdicts change the labels of the same texts in the labelled data.
        var dir = Directory.CreateTempSubdirectory("corrections-export-");
        try
        {
            var corrections = Path.Combine(dir.FullName, "corrections.jsonl");
            await File.WriteAllTextAsync(corrections, body);
            var data = Path.Combine(dir.FullName, "replies.jsonl");
            await File.WriteAllLinesAsync(data, lines.Select(l => new JObject
            {
                ["subject"] = l["subject"], ["text"] = l["text"], ["labels"] = new JArray("aktindsigt", "klage"),
            }.ToString(Newtonsoft.Json.Formatting.None)));

            var read = CorrectionsFile.Read(corrections).Select(c => c.Correction).ToList();
            var set = TrainingSet.Build([data], [corrections]);

            Assert.Equal([Verdict.Rejected, Verdict.Added, Verdict.Rejected, Verdict.Confirmed], read.Select(c => c.Verdict));
            Assert.Equal(4, set.Corrections);
            var first = set.Replies.Single(r => r.Text.Contains("referatet"));
            var second = set.Replies.Single(r => r.Text.Contains("læst"));
            var third = set.Replies.Single(r => r.Text.Contains("klager"));
            Assert.False(first.Has(ModelLabels.AccessToRecords));
            Assert.True(second.Has(ModelLabels.Complaint));
            Assert.True(second.Has(ModelLabels.AccessToRecords));
            Assert.False(third.Has(ModelLabels.Complaint));
            Assert.True(third.Has(ModelLabels.AccessToRecords));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task OnlyTheTeamLeadMayExport()
    {
        using var api = new ApiFactory();
        var member = api.CreateCaseworkerClient("cw-anna", "team-a");
        var outsider = api.CreateCaseworkerClient("cw-carl", "team-b");
        outsider.DefaultRequestHeaders.Add("X-Dev-Roles", RotaApiTests.TeamLead);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(Export)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(Export)).StatusCode);
    }
}
