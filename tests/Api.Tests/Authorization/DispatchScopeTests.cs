using System.Net;
using SmartPost.Api.Tests.Dispatch;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Teams;

namespace SmartPost.Api.Tests.Authorization;

/// <summary>Dispatch reads are scoped to the sending team (the letter names a citizen and carries their CPR number).</summary>
public class DispatchScopeTests
{
    [Fact]
    public async Task HistoryShowsOnlyTheCallersTeamsDispatchesOfADocument()
    {
        using var api = new ApiFactory().WithClock(new TestClock(DispatchRequests.Now));
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var bo = api.CreateCaseworkerClient("cw-bo", "team-b");
        (await anna.PostDispatchAsync(DispatchRequests.Valid("D-SHARED"))).EnsureSuccessStatusCode();
        var bosLetter = DispatchRequests.Valid("D-SHARED");
        bosLetter["letter"]!["contentBase64"] = Convert.ToBase64String("%PDF-1.7 Team B's version"u8.ToArray());
        (await bo.PostDispatchAsync(bosLetter)).EnsureSuccessStatusCode();

        var annas = await (await anna.GetAsync("/api/v1/dispatches?documentId=D-SHARED")).JsonArrayAsync();
        var none = await anna.GetAsync("/api/v1/dispatches?documentId=D-NEVER-SENT");

        Assert.Equal("team-a", (string?)Assert.Single(annas)["team"]);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Empty(await none.JsonArrayAsync());
    }

    [Fact]
    public async Task DispatchWithoutTeamIsReadableOnlyByWhoRecordedIt()
    {
        using var api = new ApiFactory().WithClock(new TestClock(DispatchRequests.Now));
        var loner = api.CreateCaseworkerClient("cw-solo");
        var created = await (await loner.PostDispatchAsync(DispatchRequests.Valid())).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, (await loner.GetAsync($"/api/v1/dispatches/{created["dispatchId"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.CreateCaseworkerClient("cw-other").GetAsync($"/api/v1/dispatches/{created["dispatchId"]}")).StatusCode);
    }

    [Fact]
    public async Task TeamIsStoredInTheCallersSpellingSoTheSenderCanReadIt()
    {
        using var api = new ApiFactory().WithClock(new TestClock(DispatchRequests.Now));
        var anna = api.CreateCaseworkerClient("cw-anna", "team-a");
        var letter = DispatchRequests.Valid();
        letter["team"] = "TEAM-A";
        var created = await (await anna.PostDispatchAsync(letter)).JsonAsync();

        var read = await anna.GetAsync($"/api/v1/dispatches/{created["dispatchId"]}");

        Assert.Equal("team-a", (string?)created["team"]);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
