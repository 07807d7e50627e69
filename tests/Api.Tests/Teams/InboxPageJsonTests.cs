using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using SmartPost.Api.Replies;
using SmartPost.Api.Teams;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Teams;

/// <summary>
/// The team list is written by a hand-written writer (<see cref="InboxPageJson"/>) instead of the serializer: it must
/// write byte for byte what the API's serializer settings write, for every optional part present and absent.
/// </summary>
public class InboxPageJsonTests
{
    private static readonly DateTime Received = new(2026, 11, 23, 7, 15, 2, 123, DateTimeKind.Utc);

    public static TheoryData<string> Pages => new(PageVariants().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Pages))]
    public void WritesWhatTheApiSerializerWrites(string name)
    {
        var page = PageVariants().Single(p => p.Name == name).Page;
        using var api = new ApiFactory();
        var serializer = JsonSerializer.Create(api.Services.GetRequiredService<IOptions<MvcNewtonsoftJsonOptions>>().Value.SerializerSettings);
        var expected = new StringWriter();
        serializer.Serialize(expected, page);
        var actual = new StringWriter();
        using (var writer = new JsonTextWriter(actual)) InboxPageJson.Write(writer, page);

        Assert.Equal(expected.ToString(), actual.ToString());
    }

    [Fact]
    public async Task TheTeamListAnswersWithTheWriter()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await client.IngestAsync("D-1", "team-a", "Jeg vil have aktindsigt i \"min\" sag.", DateTimeOffset.Parse("2026-11-02T09:00:00Z"));
        var response = await client.GetAsync("/api/v1/teams/team-a/replies?limit=5");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
        Assert.StartsWith("{\"team\":\"team-a\",\"status\":\"unhandled\",\"items\":[{\"id\":", body);
        Assert.Contains("\"flags\":[{\"kind\":\"AccessToRecordsRequest\"", body);
    }

    private static IEnumerable<(string Name, InboxPage Page)> PageVariants()
    {
        var bare = new ReplyListItem(1, "team-helbred", Received, null, null, new SenderView(null, null), [], null, false,
            "GivenTeam", "Team angivet ved modtagelsen.", null, null, null, "\"1-1\"");
        var full = new ReplyListItem(
            9_007_199_254_740_993, "team-helbred", DateTime.SpecifyKind(Received, DateTimeKind.Unspecified),
            "Sv: \"Klage\" over <afgørelse> & æøå\n\tnæste linje \u2028 \u0001", "FS-2026-010001", new SenderView("CPR", "010190-****"),
            [
                new FlagSummary("AccessToRecordsRequest", "Offentlighedsloven", new DateOnly(2026, 12, 1)),
                new FlagSummary("Complaint", null, null, "Possible", "Rejected"),
            ],
            new DateOnly(2026, 1, 9), true, "CaseNumber", "Sagsnummer fundet i emnet.",
            new DoneBy("anna@fstyr.dk", Received.AddMinutes(5)),
            new ClaimView("bo@fstyr.dk", Received.AddHours(1), Received.AddHours(9)),
            new DoneBy("bo@fstyr.dk", DateTime.SpecifyKind(Received.AddHours(2), DateTimeKind.Local)), "\"9007199254740993-12\"");
        var totals = new FlagTotals(120, 3, 2, 1, 4, 17);
        var window = new TimeWindow(new DateTime(2026, 11, 19, 23, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc));
        yield return ("empty page, nothing optional", new InboxPage("team-helbred", "unhandled", [], null, new FlagTotals(0, 0, 0, 0, 0, 0), 0, null, null));
        yield return ("bare row", new InboxPage("team-helbred", "all", [bare], "eyJrIjoxfQ", totals, 17, null, null));
        yield return ("every part of a row", new InboxPage("team-helbred", "handled", [full, bare], null, totals, 1.5, window,
            new InboxScreener("anna@fstyr.dk", true, "Bo er fraværende; anna@fstyr.dk er stedfortræder.", "bo@fstyr.dk", "fravær")));
        yield return ("screener nobody", new InboxPage("team-helbred", "unhandled", [bare], null, totals, 0.1, window,
            new InboxScreener(null, false, "Ingen på vagtplanen er til stede i dag.", null, null)));
        yield return ("swagger example", InboxPage.Example);
    }
}
