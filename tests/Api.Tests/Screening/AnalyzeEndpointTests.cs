using System.Net;
using System.Net.Http.Json;
using System.Text;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Screening;

public class AnalyzeEndpointTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static async Task<(HttpStatusCode Status, JObject Body)> PostAsync(ApiFactory api, string json)
    {
        var response = await api.CreateCaseworkerClient("cw-anna", "team-a")
            .PostAsync("/api/v1/screening/analyze", new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task MisspelledAktindsigtInSubjectIsFlaggedWithSubjectEvidenceAndDueDates()
    {
        using var api = new ApiFactory();
        var (status, body) = await PostAsync(api,
            """{ "subject": "Agtindsigt", "text": "Se emne. Sagen om mit kørekort.", "receivedAt": "2025-04-14T10:00:00+02:00" }""");

        Assert.Equal(HttpStatusCode.OK, status);
        var flag = Assert.Single(body["flags"]!);
        Assert.Equal("AccessToRecordsRequest", (string)flag["kind"]!);
        Assert.Equal("Offentlighedsloven", (string)flag["subKind"]!);
        Assert.Equal("2025-04-28", (string)flag["dueDate"]!);
        Assert.Equal(["2025-04-28", "2025-05-07"], flag["deadlines"]!.Select(d => (string)d["date"]!));
        var evidence = Assert.Single(flag["evidence"]!);
        Assert.Equal(("Agtindsigt", 0, 10, "subject"),
            ((string)evidence["text"]!, (int)evidence["start"]!, (int)evidence["length"]!, (string)evidence["field"]!));
        Assert.False((bool)body["needsManualScreening"]!);
    }

    [Fact]
    public async Task EachFlagSaysWhetherItIsCertainOrPossible()
    {
        using var api = new ApiFactory();
        var (_, body) = await PostAsync(api, """{ "text": "Jeg klager over afgørelsen. Jeg har brug for referatet af mødet." }""");

        var flags = body["flags"]!.ToDictionary(f => (string)f["kind"]!);
        Assert.Equal("Certain", (string)flags["Complaint"]["certainty"]!);
        Assert.Null((string?)flags["Complaint"]["reason"]);
        Assert.Equal("Possible", (string)flags["AccessToRecordsRequest"]["certainty"]!);
        Assert.StartsWith("Beder om at se eller få", (string)flags["AccessToRecordsRequest"]["reason"]!);
    }

    [Fact]
    public async Task EvidenceOffsetsPointIntoTheOriginalText()
    {
        using var api = new ApiFactory();
        const string text = "Hej\r\n\r\nJeg er uenig i afgørelsen og vil have den prøvet.\r\n\r\n> Du kan klage over afgørelsen.";
        var (_, body) = await PostAsync(api, new JObject { ["subject"] = null, ["text"] = text, ["receivedAt"] = null }.ToString());

        var flag = Assert.Single(body["flags"]!);
        Assert.Equal("Complaint", (string)flag["kind"]!);
        Assert.All(flag["evidence"]!, e =>
            Assert.Equal((string)e["text"]!, text.Substring((int)e["start"]!, (int)e["length"]!)));
        Assert.Null((bool?)flag["inTime"]);
    }

    [Fact]
    public async Task MissingReceivedAtUsesTheClock()
    {
        using var api = new ApiFactory().WithClock(new FixedClock(new DateTimeOffset(2025, 6, 2, 7, 0, 0, TimeSpan.Zero)));
        var (_, body) = await PostAsync(api, """{ "text": "Kan jeg få en uge mere?" }""");
        // 5 working days from Monday 2 June 2025: 3, 4, 5, 6 and 10 June (9 June is 2. pinsedag).
        Assert.Equal("2025-06-10", (string)Assert.Single(body["flags"]!)["dueDate"]!);
    }

    [Fact]
    public async Task DecisionNotificationDateGivesAnInTimeVerdict()
    {
        using var api = new ApiFactory();
        var (_, body) = await PostAsync(api,
            """{ "text": "Jeg klager over afgørelsen.", "receivedAt": "2025-06-02T09:00:00+02:00", "decisionNotifiedAt": "2025-05-02T08:00:00+02:00" }""");
        Assert.False((bool)Assert.Single(body["flags"]!)["inTime"]!);
    }

    [Fact]
    public async Task ReplyWithoutRequestsHasNoFlags()
    {
        using var api = new ApiFactory();
        var (status, body) = await PostAsync(api, """{ "subject": "Sv: Afgørelse – klagevejledning", "text": "Modtaget, tak." }""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body["flags"]!);
    }

    [Fact]
    public async Task MissingTextIsBadRequestNamingTheField()
    {
        using var api = new ApiFactory();
        var (status, body) = await PostAsync(api, """{ "subject": "Klage" }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(((JObject)body["errors"]!).Properties(), p => p.Name.Equals("text", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task MalformedReceivedAtIsBadRequestNamingTheField()
    {
        using var api = new ApiFactory();
        var (status, body) = await PostAsync(api, """{ "text": "Klage", "receivedAt": "i går" }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(((JObject)body["errors"]!).Properties(), p => p.Name.Contains("receivedAt", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnalyzeRequiresACaseworker()
    {
        using var api = new ApiFactory();
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/screening/analyze", new { text = "Klage" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
