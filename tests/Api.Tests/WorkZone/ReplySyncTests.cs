using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;
using WorkZoneStandIn;
using static SmartPost.Api.Tests.WorkZone.WorkZoneKit;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>GET /api/v1/replies/{id}/sync: "Afventer synkronisering" resolves, or says in Danish why not.</summary>
public class ReplySyncTests
{
    private static async Task<JObject> WaitForStateAsync(HttpClient client, long id, string expected)
    {
        JObject sync = new();
        await EventuallyAsync(async () =>
        {
            sync = await (await client.GetAsync($"/api/v1/replies/{id}/sync")).ReadJsonAsync();
            return (string?)sync["state"] == expected;
        }, TimeSpan.FromSeconds(20), $"sync state {expected} (was {sync})");
        return sync;
    }

    [Fact]
    public async Task WithoutWorkZoneTheMarkIsSavedAndTheSentenceSaysWhen()
    {
        using var api = new ApiFactory().WithSetting("MetadataSync:PollInterval", "00:00:00.100");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = await IngestAsync(client, "D-sync-1", "team-a");
        var before = await (await client.GetAsync($"/api/v1/replies/{id}/sync")).ReadJsonAsync();
        Assert.Equal(JTokenType.Null, before["state"]!.Type);

        await client.ChangeAsync(HttpMethod.Post, id, "handled");
        var sync = await WaitForStateAsync(client, id, "Synced");

        Assert.Matches(@"^Gemt i SmartPost \d{1,2}\. [a-z]+ \d{4} kl\. \d{2}\.\d{2} \(ingen WorkZone tilsluttet\)\.$", (string?)sync["message"]);
    }

    [Fact]
    public async Task WorkZoneDownSaysItHasNotAnsweredAndWhenItIsTriedNext()
    {
        var standIn = await StartStandInAsync();
        await standIn.DisposeAsync(); // nothing listens on the port now
        using var api = ApiAgainst(standIn).WithSetting("WorkZone:StartupMetadataTimeout", "00:00:01");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = await IngestAsync(client, "100001", "team-a");

        await client.ChangeAsync(HttpMethod.Post, id, "handled");
        JObject sync = new();
        await EventuallyAsync(async () =>
        {
            sync = await (await client.GetAsync($"/api/v1/replies/{id}/sync")).ReadJsonAsync();
            return (int)sync["attempts"]! > 0;
        }, TimeSpan.FromSeconds(20), "a first delivery attempt");

        Assert.Equal("PendingSync", (string?)sync["state"]);
        Assert.Matches(@"^Afventer synkronisering til WorkZone: WorkZone har ikke svaret \(\d+ forsøg\)\. Næste forsøg \d{1,2}\. [a-z]+ \d{4} kl\. \d{2}\.\d{2}\.$",
            (string?)sync["message"]);
        Assert.NotEqual(JTokenType.Null, sync["nextAttemptAt"]!.Type);
    }

    [Fact]
    public async Task ARefusalNamesWorkZonesReasonAndTheWriteToRetry()
    {
        await using var standIn = await StartStandInAsync();
        var recordId = standIn.Data.AddIncoming(new IncomingSpec("Svar", "Hej", "FS-1", null));
        using var api = ApiAgainst(standIn).WithSetting("WorkZone:UserNames:cw-bo", "BO");
        var client = api.CreateCaseworkerClient("cw-bo", "team-a");
        var id = await IngestAsync(client, recordId, "team-a");
        StandInGuard.RefusedUsers["BO"] = "Brugeren BO har ikke skriveadgang til akten.";
        JObject sync;
        try
        {
            await client.ChangeAsync(HttpMethod.Post, id, "handled");
            sync = await WaitForStateAsync(client, id, "Failed");
        }
        finally
        {
            StandInGuard.RefusedUsers.TryRemove("BO", out _);
        }

        Assert.Equal("Ikke synkroniseret. WorkZone afviste ændringen for BO: Brugeren BO har ikke skriveadgang til akten. "
            + "Vælg \"Prøv igen\", når årsagen er rettet.", (string?)sync["message"]);
        var retry = await client.PostAsync($"/api/v1/workzone/writes/{sync["failedWriteId"]}/retry", null);
        Assert.Equal(200, (int)retry.StatusCode);
        await WaitForStateAsync(client, id, "Synced");
        var outsider = api.CreateCaseworkerClient("cw-x", "team-b");
        Assert.Equal(403, (int)(await outsider.GetAsync($"/api/v1/replies/{id}/sync")).StatusCode);
    }
}
