using System.Net;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Corrections;
using SmartPost.Api.Screening;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;
using SmartPost.Api.Tests.Teams;

namespace SmartPost.Api.Tests.Corrections;

/// <summary>POST /api/v1/replies/{id}/corrections: a caseworker confirms, rejects or adds a finding.</summary>
public class CorrectionTests
{
    private const string Possible = "Jeg har brug for referatet af mødet.";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task RejectedPossibleFindingStaysMarkedButLeavesTotalsFilterAndDueDate(DatabaseKind kind)
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-12-04T10:00:00Z"));
        using var api = new ApiFactory(kind).WithClock(clock);
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var ingested = await anna.IngestAsync("D-1", "team-a", Possible);
        var id = (long)ingested["id"]!;
        Assert.Equal("Possible", (string?)ingested["flags"]![0]!["certainty"]);
        Assert.NotNull((string?)ingested["dueDate"]);

        clock.Now = DateTimeOffset.Parse("2026-12-05T08:14:00Z");
        var detail = await anna.CorrectedAsync(id, "AccessToRecordsRequest", "Rejected", "Spørger kun til mødet.");

        var flag = (JObject)detail["flags"]!.Single();
        Assert.Equal("Rejected", (string?)flag["correction"]!["verdict"]);
        Assert.Equal("cw-anna", (string?)flag["correction"]!["byName"]);
        Assert.Equal("Possible", (string?)flag["certainty"]);
        Assert.Null((string?)detail["dueDate"]);
        var inbox = await (await anna.GetAsync("/api/v1/teams/team-a/replies")).ReadJsonAsync();
        var row = inbox["items"]!.Single();
        Assert.Equal("Rejected", (string?)row["flags"]![0]!["verdict"]);
        Assert.Null((string?)row["dueDate"]);
        Assert.Equal(0, (int)inbox["totals"]!["accessToRecordsRequest"]!);
        var filtered = await (await anna.GetAsync("/api/v1/teams/team-a/replies?flag=AccessToRecordsRequest")).ReadJsonAsync();
        Assert.Empty(filtered["items"]!);

        var history = await (await anna.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        var corrected = history["items"]!.Last();
        Assert.Equal("FindingCorrected", (string?)corrected["kind"]);
        Assert.Equal("Rettet af cw-anna 5. december 2026 kl. 09.14: ikke aktindsigt. Note: Spørger kun til mødet.", (string?)corrected["detail"]);

        await using var db = api.CreateDbContext();
        var stored = Assert.Single(await db.Set<FindingCorrection>().ToListAsync());
        Assert.Equal((FlagKind.AccessToRecordsRequest, CorrectionVerdict.Rejected, Certainty.Possible, "cw-anna"),
            (stored.Kind, stored.Verdict, stored.FoundCertainty, stored.By));
        Assert.Equal(new DateTime(2026, 12, 5, 8, 14, 0, DateTimeKind.Utc), stored.At);
    }

    [Fact]
    public async Task MissedComplaintAddedByHandGetsItsDueDateAndCounts()
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
        using var api = new ApiFactory().WithClock(clock);
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var ingested = await anna.IngestAsync("D-1", "team-a", "Hermed papirerne.", DateTimeOffset.Parse("2026-12-01T09:00:00Z"));
        var id = (long)ingested["id"]!;
        Assert.Empty(ingested["flags"]!);

        var detail = await anna.CorrectedAsync(id, "Complaint", "Added");

        var flag = (JObject)detail["flags"]!.Single();
        Assert.Equal(("Complaint", "Caseworker", "Added"), ((string?)flag["kind"], (string?)flag["origin"], (string?)flag["correction"]!["verdict"]));
        Assert.NotNull((string?)flag["dueDate"]);
        Assert.Contains("Klage", (string?)flag["rule"]);
        Assert.Equal((string?)flag["dueDate"], (string?)detail["dueDate"]);
        var inbox = await (await anna.GetAsync("/api/v1/teams/team-a/replies?flag=Complaint")).ReadJsonAsync();
        Assert.Equal(id, (long)inbox["items"]!.Single()["id"]!);
        Assert.Equal(1, (int)inbox["totals"]!["complaint"]!);
    }

    [Fact]
    public async Task LaterCorrectionSupersedesTheEarlierWhichStaysInTheHistory()
    {
        using var api = new ApiFactory();
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Jeg vil have aktindsigt i min sag."))["id"]!;

        await anna.CorrectedAsync(id, "AccessToRecordsRequest", "Confirmed");
        var bo = api.CreateCaseworkerClient("cw-bo", "team-a");
        await bo.CorrectedAsync(id, "AccessToRecordsRequest", "Rejected");

        var flag = await anna.FlagOf(id, "AccessToRecordsRequest");
        Assert.Equal(("Rejected", "cw-bo"), ((string?)flag["correction"]!["verdict"], (string?)flag["correction"]!["by"]));
        var history = await (await anna.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        var details = history["items"]!.Where(e => (string?)e["kind"] == "FindingCorrected").Select(e => (string)e["detail"]!).ToList();
        Assert.Equal(2, details.Count);
        Assert.EndsWith("bekræftet aktindsigt.", details[0]);
        Assert.EndsWith("ikke aktindsigt.", details[1]);
        await using var db = api.CreateDbContext();
        Assert.Equal([CorrectionVerdict.Confirmed, CorrectionVerdict.Rejected],
            await db.Set<FindingCorrection>().OrderBy(c => c.Id).Select(c => c.Verdict).ToListAsync());
        var current = db.Set<FindingCorrection>();
        Assert.Equal(CorrectionVerdict.Rejected, (await current.Current(current).SingleAsync()).Verdict);
    }

    [Fact]
    public async Task TheSameVerdictAgainChangesNothing()
    {
        using var api = new ApiFactory();
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Jeg vil have aktindsigt i min sag."))["id"]!;
        var first = await anna.CorrectedAsync(id, "AccessToRecordsRequest", "Confirmed");

        var again = await anna.CorrectAsync(id, "AccessToRecordsRequest", "Confirmed");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((string?)first["eTag"], (string?)(await again.ReadJsonAsync())["eTag"]);
        await using var db = api.CreateDbContext();
        Assert.Single(await db.Set<FindingCorrection>().ToListAsync());
    }

    [Fact]
    public async Task BadInputIsAProblemNamingEachFieldInDanish()
    {
        using var api = new ApiFactory();
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Jeg vil have aktindsigt i min sag."))["id"]!;

        var response = await anna.PostRawCorrectionAsync(id, new { verdict = "Maybe", note = new string('x', 501) }, "*");
        var problem = await response.ReadJsonAsync();
        var missingKind = await (await anna.PostRawCorrectionAsync(id, new { verdict = "Rejected", note = new string('x', 501) }, "*")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Tilladte værdier: Confirmed, Rejected, Added", (string?)problem["errors"]!["verdict"]![0]);
        Assert.Equal("Vælg hvilken slags fund rettelsen gælder.", (string?)missingKind["errors"]!["kind"]![0]);
        Assert.Equal("Noten må højst være 500 tegn.", (string?)missingKind["errors"]!["note"]![0]);
        await using var db = api.CreateDbContext();
        Assert.Empty(await db.Set<FindingCorrection>().ToListAsync());
    }

    [Fact]
    public async Task OnlyTheReplysTeamMayCorrectAndAnUnknownReplyIsNotFound()
    {
        using var api = new ApiFactory();
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Jeg vil have aktindsigt i min sag."))["id"]!;
        var outsider = api.CreateCaseworkerClient("cw-carl", "team-b");

        var forbidden = await outsider.PostRawCorrectionAsync(id, new { kind = "AccessToRecordsRequest", verdict = "Rejected" }, "*");
        var unknown = await anna.PostRawCorrectionAsync(id + 1000, new { kind = "AccessToRecordsRequest", verdict = "Rejected" }, "*");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("Kun teamets sagsbehandlere har adgang.", (string?)(await forbidden.ReadJsonAsync())["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null((await anna.FlagOf(id, "AccessToRecordsRequest"))["correction"]);
    }

    [Fact]
    public async Task WithoutIfMatchOrWithAStaleOneNothingIsStored()
    {
        using var api = new ApiFactory();
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Jeg vil have aktindsigt i min sag."))["id"]!;
        var old = (await anna.GetAsync($"/api/v1/replies/{id}")).Headers.ETag!.Tag;
        await anna.ChangeAsync(HttpMethod.Post, id, "screened");

        var missing = await anna.PostRawCorrectionAsync(id, new { kind = "AccessToRecordsRequest", verdict = "Rejected" }, null);
        var stale = await anna.PostRawCorrectionAsync(id, new { kind = "AccessToRecordsRequest", verdict = "Rejected" }, old);

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Null((await anna.FlagOf(id, "AccessToRecordsRequest"))["correction"]);
    }

    [Fact]
    public async Task AColleaguesClaimOrAVerdictThatDoesNotFitTheFindingsIsAConflict()
    {
        using var api = new ApiFactory();
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var bo = api.CreateCaseworkerClient("cw-bo", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Jeg vil have aktindsigt i min sag."))["id"]!;

        var confirmMissing = await anna.CorrectAsync(id, "Complaint", "Confirmed");
        var rejectMissing = await anna.CorrectAsync(id, "Complaint", "Rejected");
        var addFound = await anna.CorrectAsync(id, "AccessToRecordsRequest", "Added");
        await anna.ChangeAsync(HttpMethod.Post, id, "claim");
        var held = await bo.CorrectAsync(id, "AccessToRecordsRequest", "Rejected");

        Assert.Equal(HttpStatusCode.Conflict, confirmMissing.StatusCode);
        Assert.Contains("har ikke fundet klage", (string?)(await confirmMissing.ReadJsonAsync())["detail"]);
        Assert.Equal(HttpStatusCode.Conflict, rejectMissing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, addFound.StatusCode);
        Assert.Contains("Bekræft fundet", (string?)(await addFound.ReadJsonAsync())["detail"]);
        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        Assert.Equal("cw-anna", (string?)(await held.ReadJsonAsync())["holder"]);
        await using var db = api.CreateDbContext();
        Assert.Empty(await db.Set<FindingCorrection>().ToListAsync());
    }
}
