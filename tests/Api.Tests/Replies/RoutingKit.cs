using System.Net;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Dispatch;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Replies;

/// <summary>An app with a movable clock, a caseworker in every test team, and helpers to dispatch and to reply without a link.</summary>
public sealed class RoutingKit : IDisposable
{
    public const string DefaultTeam = "team-fordeling";
    private int documents;

    public RoutingKit(DatabaseKind kind = DatabaseKind.Sqlite, params (string Key, string Value)[] settings)
    {
        Api = new ApiFactory(kind).WithClock(Clock).WithSetting("Replies:DefaultTeam", DefaultTeam);
        foreach (var (key, value) in settings) Api = Api.WithSetting(key, value);
        Client = Api.CreateCaseworkerClient("cw-anna", "team-helbred", "team-udland", "team-erhverv", DefaultTeam);
    }

    public FixedClock Clock { get; } = new(DispatchRequests.Now);
    public ApiFactory Api { get; }
    public HttpClient Client { get; }

    /// <summary>A letter on <paramref name="caseNumber"/> from <paramref name="team"/> to one recipient, sent now.</summary>
    public async Task DispatchAsync(string caseNumber, string team, string idType, string id, string name)
    {
        var request = DispatchRequests.Valid($"D2026-{++documents:D6}", idType, id);
        request["caseNumber"] = caseNumber;
        request["team"] = team;
        request["recipient"]!["name"] = name;
        var response = await Client.PostDispatchAsync(request);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
    }

    /// <summary>A JSON reply with no case number, team or ReplyData: what lands on the catch-all case.</summary>
    public async Task<JObject> ReplyAsync(string text, string? senderIdType = null, string? senderId = null)
    {
        object? sender = senderIdType is null ? null : new { idType = senderIdType, id = senderId };
        var (response, body) = await Client.PostJsonReplyAsync(new { documentId = $"R-{Guid.NewGuid():N}", text, sender });
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    public void Dispose() => Api.Dispose();
}
