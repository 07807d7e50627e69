using System.Net;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Teams;

namespace SmartPost.Api.Tests.Replies;

/// <summary>
/// One reply, one caseworker: every state change is refused while a colleague holds the reply, needs If-Match,
/// and leaves a history event.
/// </summary>
public class ClaimEnforcementTests
{
    private static readonly TestClock Monday = new(DateTimeOffset.Parse("2026-11-23T08:14:00Z"));

    private static async Task<(ApiFactory Api, HttpClient Anna, HttpClient Bo, long Id)> ClaimedByAnnaAsync()
    {
        var api = new ApiFactory().WithClock(new TestClock(Monday.Now));
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var bo = api.CreateCaseworkerClient("cw-bo", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Jeg vil klage over afgørelsen."))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await anna.ChangeAsync(HttpMethod.Post, id, "claim")).StatusCode);
        return (api, anna, bo, id);
    }

    public static TheoryData<string, string> StateChanges => new()
    {
        { "POST", "handled" }, { "POST", "screened" }, { "DELETE", "claim" }, { "POST", "claim" },
    };

    [Theory]
    [MemberData(nameof(StateChanges))]
    public async Task NonHolderIsRefusedWithHolderAndSinceAndNothingChanges(string method, string action)
    {
        var (api, anna, bo, id) = await ClaimedByAnnaAsync();
        using var _ = api;
        var before = (await anna.GetAsync($"/api/v1/replies/{id}")).Headers.ETag!.Tag;

        var refused = await bo.ChangeAsync(new HttpMethod(method), id, action);
        var problem = await refused.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("cw-anna", (string?)problem["holder"]);
        Assert.Equal(DateTime.Parse("2026-11-23T08:14:00Z").ToUniversalTime(), problem["since"]!.ToObject<DateTime>().ToUniversalTime());
        Assert.Equal("cw-anna har taget svaret siden 23. november 2026 kl. 09.14. Kun den, der har taget svaret, kan ændre det.",
            (string?)problem["detail"]);
        Assert.Equal(before, (await anna.GetAsync($"/api/v1/replies/{id}")).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task NonHolderCannotUndoHandledWhileAColleagueHoldsIt()
    {
        var (api, anna, bo, id) = await ClaimedByAnnaAsync();
        using var _ = api;
        Assert.Equal(HttpStatusCode.OK, (await anna.ChangeAsync(HttpMethod.Post, id, "handled")).StatusCode);
        // After "behandlet" the reply is free: Bo may undo, and then holds nothing; Anna claims it again.
        Assert.Equal(HttpStatusCode.OK, (await bo.ChangeAsync(HttpMethod.Delete, id, "handled")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anna.ChangeAsync(HttpMethod.Post, id, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anna.ChangeAsync(HttpMethod.Post, id, "handled")).StatusCode);

        var detail = await (await bo.GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync();
        Assert.Equal("cw-anna", (string?)detail["handled"]!["by"]);
    }

    [Fact]
    public async Task HolderMarksHandledAndTheClaimEndsInTheHistory()
    {
        var (api, anna, _, id) = await ClaimedByAnnaAsync();
        using var __ = api;

        var handled = await (await anna.ChangeAsync(HttpMethod.Post, id, "handled")).ReadJsonAsync();

        Assert.Equal("cw-anna", (string?)handled["handled"]!["by"]);
        Assert.Equal(JTokenType.Null, handled["claim"]!.Type);
        Assert.Equal(["Received", "Claimed", "MarkedHandled", "ClaimCleared"], await KindsAsync(anna, id));
    }

    [Fact]
    public async Task UnclaimedReplyIsClaimedAndHandledInOneStep()
    {
        using var api = new ApiFactory();
        var bo = api.CreateCaseworkerClient("cw-bo", "team-a");
        var id = (long)(await bo.IngestAsync("D-1", "team-a", "Tak for brevet."))["id"]!;

        var response = await bo.ChangeAsync(HttpMethod.Post, id, "handled");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await (await bo.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        var own = history["items"]!.Where(e => !((string)e["kind"]!).StartsWith("Metadata")).Skip(1).ToList();
        Assert.Equal(["Claimed", "MarkedHandled", "ClaimCleared"], own.Select(e => (string)e["kind"]!));
        Assert.All(own, e => Assert.Equal("cw-bo", (string?)e["actor"]));
    }

    [Fact]
    public async Task HandledReplyCannotBeClaimed()
    {
        using var api = new ApiFactory();
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var bo = api.CreateCaseworkerClient("cw-bo", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Tak for brevet."))["id"]!;
        await anna.ChangeAsync(HttpMethod.Post, id, "handled");

        var claim = await bo.ChangeAsync(HttpMethod.Post, id, "claim");
        var problem = await claim.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, claim.StatusCode);
        Assert.Contains("allerede behandlet", (string?)problem["detail"]);
        Assert.Equal("cw-anna", (string?)problem["handledBy"]);
        Assert.Equal(JTokenType.Null, (await (await bo.GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync())["claim"]!.Type);
    }

    public static TheoryData<string, string> AllChanges => new()
    {
        { "POST", "handled" }, { "DELETE", "handled" }, { "POST", "screened" }, { "POST", "claim" }, { "DELETE", "claim" },
    };

    [Theory]
    [MemberData(nameof(AllChanges))]
    public async Task StateChangeWithoutIfMatchIsPreconditionRequiredInDanish(string method, string action)
    {
        using var api = new ApiFactory();
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Hej"))["id"]!;
        var before = (await anna.GetAsync($"/api/v1/replies/{id}")).Headers.ETag!.Tag;

        var response = await anna.ChangeAsync(new HttpMethod(method), id, action, ifMatch: null);
        var problem = await response.ReadJsonAsync();

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("If-Match", (string?)problem["detail"]);
        Assert.Contains("kollega", (string?)problem["detail"]);
        Assert.Equal(before, (await anna.GetAsync($"/api/v1/replies/{id}")).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task ReleaseAndExpiredClaimAreHistoryEvents()
    {
        var clock = new TestClock(Monday.Now);
        using var api = new ApiFactory().WithClock(clock).WithSetting("Replies:ClaimTimeout", "00:30:00");
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var bo = api.CreateCaseworkerClient("cw-bo", "team-a");
        var id = (long)(await anna.IngestAsync("D-1", "team-a", "Hej"))["id"]!;

        await anna.ChangeAsync(HttpMethod.Post, id, "claim");
        await anna.ChangeAsync(HttpMethod.Delete, id, "claim");
        await anna.ChangeAsync(HttpMethod.Post, id, "claim");
        clock.Now = clock.Now.AddMinutes(31);
        Assert.Equal(HttpStatusCode.OK, (await bo.ChangeAsync(HttpMethod.Post, id, "claim")).StatusCode);

        var history = await (await bo.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        var items = history["items"]!.ToList();
        Assert.Equal(["Received", "Claimed", "ClaimReleased", "Claimed", "ClaimCleared", "Claimed"], items.Select(e => (string)e["kind"]!));
        Assert.Equal("cw-annas krav fra 23. november 2026 kl. 09.14 var udløbet.", (string?)items[4]["detail"]);
        Assert.Equal("cw-bo", (string?)items[5]["actor"]);
    }

    internal static async Task<List<string>> KindsAsync(HttpClient client, long id)
    {
        var history = await (await client.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        return history["items"]!.Select(e => (string)e["kind"]!).Where(k => !k.StartsWith("Metadata")).ToList();
    }
}
