using System.Net;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Teams;

/// <summary>The "Behandlet" view: what was just finished comes first, across pages, whatever the due dates.</summary>
public class HandledViewOrderTests
{
    [Fact]
    public async Task HandledRepliesComeNewestHandledFirstAcrossPages()
    {
        var clock = new TestClock(DateTimeOffset.Parse("2026-11-23T08:00:00Z"));
        using var api = new ApiFactory().WithClock(clock);
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        // Received oldest first; two have due dates (aktindsigt), so the inbox order would put them first.
        var texts = new[] { "Tak for brevet.", "Jeg vil gerne have aktindsigt.", "Hermed papirerne.", "Jeg beder om aktindsigt i sagen.", "Tak." };
        var ids = new List<long>();
        for (var i = 0; i < texts.Length; i++)
            ids.Add((long)(await anna.IngestAsync($"D-{i}", "team-a", texts[i], clock.Now.AddDays(-10 + i)))["id"]!);

        // Handled in an order that is neither the received order nor the due-date order; two in the same instant.
        long[] handledOrder = [ids[3], ids[0], ids[4], ids[1], ids[2]];
        foreach (var (id, i) in handledOrder.Select((id, i) => (id, i)))
        {
            if (i != 4) clock.Now = clock.Now.AddMinutes(7);
            Assert.Equal(HttpStatusCode.OK, (await anna.ChangeAsync(HttpMethod.Post, id, "handled")).StatusCode);
        }

        var shown = new List<long>();
        string? cursor = null;
        do
        {
            var page = await (await anna.GetAsync("/api/v1/teams/team-a/replies?status=handled&limit=2"
                + (cursor is null ? "" : $"&cursor={cursor}"))).ReadJsonAsync();
            shown.AddRange(page["items"]!.Select(item => (long)item["id"]!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        // The same instant: the later id first, as the keyset breaks ties.
        Assert.Equal([ids[2], ids[1], ids[4], ids[0], ids[3]], shown);
    }

    [Fact]
    public async Task AnUnhandledListCursorIsRefusedOnTheHandledView()
    {
        using var api = new ApiFactory();
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        await anna.IngestAsync("D-1", "team-a", "Tak.");
        await anna.IngestAsync("D-2", "team-a", "Tak igen.");
        var inbox = await (await anna.GetAsync("/api/v1/teams/team-a/replies?limit=1")).ReadJsonAsync();

        var response = await anna.GetAsync($"/api/v1/teams/team-a/replies?status=handled&cursor={(string?)inbox["nextCursor"]}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ugyldig cursor.", (string?)(await response.ReadJsonAsync())["errors"]!["cursor"]![0]);
    }
}
