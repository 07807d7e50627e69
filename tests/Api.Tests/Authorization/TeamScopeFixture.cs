using System.Net.Http.Json;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Dispatch;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;
using SmartPost.Api.Tests.Teams;

namespace SmartPost.Api.Tests.Authorization;

/// <summary>
/// One team-a world for the authorization tests: a reply, a shared search, a rota and a dispatch, all created
/// through the API by team-a; a member (cw-anna, team-a) and an outsider (cw-bo, team-b, also a team lead there).
/// </summary>
public sealed class TeamScopeFixture : IDisposable
{
    public const string Subject = "Kørekort til Else Marie Krogh";
    public const string CaseNumber = "FST-2026-07777";
    public const string Text = "Jeg vil have aktindsigt i min sag om kørekortet.";
    public const string DocumentId = "D-AUTH-1";
    public const string DispatchDocumentId = "D-AUTH-LETTER";

    private TeamScopeFixture(ApiFactory api) => Api = api;

    public ApiFactory Api { get; }
    public HttpClient Member { get; private set; } = null!;
    public HttpClient Outsider { get; private set; } = null!;
    public long ReplyId { get; private set; }
    public long SearchId { get; private set; }
    public Guid DispatchId { get; private set; }

    public static async Task<TeamScopeFixture> CreateAsync()
    {
        var world = new TeamScopeFixture(new ApiFactory().WithClock(new TestClock(DispatchRequests.Now)));
        world.Member = world.Api.CreateCaseworkerClient("cw-anna", "team-a");
        world.Outsider = world.Api.CreateCaseworkerClient("cw-bo", "team-b");
        world.Outsider.DefaultRequestHeaders.Add("X-Dev-Roles", RotaApiTests.TeamLead);

        var (_, reply) = await world.Member.PostJsonReplyAsync(new
        {
            documentId = DocumentId, team = "team-a", caseNumber = CaseNumber, subject = Subject, text = Text,
            receivedAt = DispatchRequests.Now.AddHours(-20), sender = new { idType = "CPR", id = "1504661234" },
        });
        world.ReplyId = (long)reply["id"]!;

        var search = await world.Member.PostAsJsonAsync("/api/v1/teams/team-a/searches", new
        {
            name = "Aktindsigt", terms = new[] { new { term = "aktindsigt", variants = Array.Empty<string>() } },
            responsible = "cw-anna", substitute = "cw-carl",
        });
        world.SearchId = (long)(await search.ReadJsonAsync())["id"]!;

        var rota = await RotaApiTests.Lead(world.Api).PutAsJsonAsync("/api/v1/teams/team-a/rota", RotaApiTests.SampleRota);
        rota.EnsureSuccessStatusCode();

        var letter = DispatchRequests.Valid(DispatchDocumentId);
        letter["team"] = "team-a";
        var dispatch = await world.Member.PostDispatchAsync(letter);
        dispatch.EnsureSuccessStatusCode();
        world.DispatchId = (Guid)(await dispatch.JsonAsync())["dispatchId"]!;
        return world;
    }

    /// <summary>Fills {reply}, {search}, {dispatch} and {letter} in an endpoint path.</summary>
    public string Path(string template) => template
        .Replace("{reply}", ReplyId.ToString())
        .Replace("{search}", SearchId.ToString())
        .Replace("{dispatch}", DispatchId.ToString())
        .Replace("{letter}", DispatchDocumentId)
        .Replace("{document}", DocumentId);

    public void Dispose() => Api.Dispose();
}
