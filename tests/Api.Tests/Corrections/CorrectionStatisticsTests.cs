using System.Net;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;
using SmartPost.Api.Tests.Teams;

namespace SmartPost.Api.Tests.Corrections;

/// <summary>GET /api/v1/teams/{team}/statistics/corrections: measured precision and recall for the team lead.</summary>
public class CorrectionStatisticsTests
{
    private const string Period = "/api/v1/teams/team-a/statistics/corrections?from=2026-10-01&to=2026-11-30";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task CountsPerKindMonthAndCertaintyWithPrecisionAndRecall(DatabaseKind kind)
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-12-02T10:00:00Z"));
        using var api = new ApiFactory(kind).WithClock(clock);
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a", "team-b");
        var november = DateTimeOffset.Parse("2026-11-10T09:00:00Z");
        async Task<long> Reply(string doc, string text, DateTimeOffset at, string team = "team-a", params string[] expected)
        {
            var body = await anna.IngestAsync(doc, team, text, at);
            Assert.Equal(expected, body["flags"]!.Select(f => $"{f["kind"]}:{f["certainty"]}"));
            return (long)body["id"]!;
        }
        var certainConfirmed = await Reply("n1", "Jeg vil have aktindsigt i min sag.", november, "team-a", "AccessToRecordsRequest:Certain");
        var possibleRejected = await Reply("n2", "Jeg har brug for referatet af mødet.", november, "team-a", "AccessToRecordsRequest:Possible");
        await Reply("n3", "Jeg beder om aktindsigt i sagen.", november, "team-a", "AccessToRecordsRequest:Certain");
        var complaintAdded = await Reply("n4", "Hermed papirerne.", november, "team-a");
        var complaintRejected = await Reply("n5", "Jeg klager over afgørelsen.", november, "team-a", "Complaint:Certain");
        // 31 October 23:30 in Copenhagen: October's month.
        var october = await Reply("o1", "Jeg vil have aktindsigt i min sag.", DateTimeOffset.Parse("2026-10-31T22:30:00Z"), "team-a", "AccessToRecordsRequest:Certain");
        var otherTeam = await Reply("b1", "Jeg vil have aktindsigt i min sag.", november, "team-b", "AccessToRecordsRequest:Certain");

        await anna.CorrectedAsync(certainConfirmed, "AccessToRecordsRequest", "Confirmed");
        await anna.CorrectedAsync(possibleRejected, "AccessToRecordsRequest", "Confirmed");
        await anna.CorrectedAsync(possibleRejected, "AccessToRecordsRequest", "Rejected"); // the later verdict counts
        await anna.CorrectedAsync(complaintAdded, "Complaint", "Added");
        await anna.CorrectedAsync(complaintRejected, "Complaint", "Rejected");
        await anna.CorrectedAsync(october, "AccessToRecordsRequest", "Confirmed");
        await anna.CorrectedAsync(otherTeam, "AccessToRecordsRequest", "Rejected");

        var response = await RotaApiTests.Lead(api).GetAsync(Period);
        var stats = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["2026-10", "2026-11"], stats["months"]!.Select(m => (string)m["month"]!));
        var novAccess = Kind(stats["months"]![1]!, "AccessToRecordsRequest");
        Assert.Equal((3, 1, 1, 0, 1), Counts(novAccess));
        Assert.Equal(0.5, (double)novAccess["precision"]!);
        Assert.Equal(1.0, (double)novAccess["recall"]!);
        var certain = novAccess["perCertainty"]!.Single(c => (string?)c["certainty"] == "Certain");
        var possible = novAccess["perCertainty"]!.Single(c => (string?)c["certainty"] == "Possible");
        Assert.Equal((2, 1, 0, 1.0), ((int)certain["found"]!, (int)certain["confirmed"]!, (int)certain["rejected"]!, (double)certain["precision"]!));
        Assert.Equal((1, 0, 1, 0.0), ((int)possible["found"]!, (int)possible["confirmed"]!, (int)possible["rejected"]!, (double)possible["precision"]!));
        var novComplaint = Kind(stats["months"]![1]!, "Complaint");
        Assert.Equal((1, 0, 1, 1, 0), Counts(novComplaint));
        Assert.Equal(0.0, (double)novComplaint["precision"]!);
        Assert.Equal(0.0, (double)novComplaint["recall"]!);
        Assert.Equal((1, 1, 0, 0, 0), Counts(Kind(stats["months"]![0]!, "AccessToRecordsRequest")));
        var totalAccess = Kind(stats, "AccessToRecordsRequest", "total");
        Assert.Equal((4, 2, 1, 0, 1), Counts(totalAccess));
        Assert.Equal(0.667, (double)totalAccess["precision"]!);
        Assert.Null((double?)Kind(stats, "DeadlineExtensionRequest", "total")["precision"]);
    }

    [Fact]
    public async Task OnlyTheTeamLeadSeesThemAndABackwardsPeriodIsRefused()
    {
        using var api = new ApiFactory();
        var member = api.CreateCaseworkerClient("cw-anna", "team-a");

        var asMember = await member.GetAsync(Period);
        var backwards = await RotaApiTests.Lead(api).GetAsync("/api/v1/teams/team-a/statistics/corrections?from=2026-12-01&to=2026-11-01");

        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal("'from' er efter 'to'.", (string?)(await backwards.ReadJsonAsync())["errors"]!["from"]![0]);
    }

    private static JToken Kind(JToken month, string kind, string list = "kinds") => month[list]!.Single(k => (string?)k["kind"] == kind);

    private static (int, int, int, int, int) Counts(JToken k) =>
        ((int)k["found"]!, (int)k["confirmed"]!, (int)k["rejected"]!, (int)k["added"]!, (int)k["unreviewed"]!);
}
