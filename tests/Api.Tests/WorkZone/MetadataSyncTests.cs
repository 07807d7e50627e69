using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.WorkZone;

public class MetadataSyncTests
{
    private const string Field = "SmartPostBehandlet";

    private static ApiFactory Api(string workZoneUrl) => new ApiFactory()
        .WithSetting("WorkZone:BaseUrl", workZoneUrl)
        .WithSetting("WorkZone:HandledFieldName", Field)
        .WithSetting("MetadataSync:PollInterval", "00:00:00.100")
        .WithSetting("MetadataSync:RetryBaseDelay", "00:00:00.020")
        .WithSetting("MetadataSync:MaxRetryDelay", "00:00:00.200")
        .WithSetting("MetadataSync:AttemptTimeout", "00:00:02");

    private static async Task<JObject> WaitForSyncAsync(HttpClient client, long id, string expected)
    {
        JObject detail = new();
        for (var i = 0; i < 100; i++)
        {
            detail = await (await client.GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync();
            if ((string?)detail["metadataSync"] == expected) return detail;
            await Task.Delay(50);
        }
        Assert.Fail($"metadataSync stayed {(string?)detail["metadataSync"]}, expected {expected}");
        return detail;
    }

    [Fact]
    public async Task HandledIsWrittenToWorkZoneWithIfMatch()
    {
        await using var workZone = await FakeWorkZoneServer.StartAsync();
        workZone.AddRecord("WZ-100");
        using var api = Api(workZone.BaseUrl);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await client.IngestAsync("WZ-100", "team-a", "Hej"))["id"]!;

        await client.ChangeAsync(HttpMethod.Post, id, "handled");
        await WaitForSyncAsync(client, id, "Synced");
        Assert.Equal("Ja", (string?)workZone.Record("WZ-100")[Field]);

        await client.ChangeAsync(HttpMethod.Delete, id, "handled");
        await WaitForSyncAsync(client, id, "Synced");
        Assert.Equal(JTokenType.Null, workZone.Record("WZ-100")[Field]!.Type);
        Assert.Equal(2, workZone.AppliedPatches);
    }

    [Fact]
    public async Task PreconditionFailedIsRetriedOnceWithAFreshETagThenReportedAsConflict()
    {
        await using var workZone = await FakeWorkZoneServer.StartAsync();
        workZone.AddRecord("WZ-1");
        workZone.AddRecord("WZ-2");
        using var api = Api(workZone.BaseUrl);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var once = (long)(await client.IngestAsync("WZ-1", "team-a", "Hej"))["id"]!;
        var twice = (long)(await client.IngestAsync("WZ-2", "team-a", "Hej"))["id"]!;

        workZone.RejectNextPatchesWith412 = 1;
        await client.ChangeAsync(HttpMethod.Post, once, "handled");
        await WaitForSyncAsync(client, once, "Synced");
        Assert.Equal("Ja", (string?)workZone.Record("WZ-1")[Field]);

        workZone.RejectNextPatchesWith412 = 2;
        await client.ChangeAsync(HttpMethod.Post, twice, "handled");
        await WaitForSyncAsync(client, twice, "Failed");
        var history = await (await client.GetAsync($"/api/v1/replies/{twice}/history")).ReadJsonAsync();
        Assert.Contains(history["items"]!, e => (string?)e["kind"] == "MetadataSyncConflict");
    }

    [Fact]
    public async Task ServerErrorsAreRetriedUntilWorkZoneRecovers()
    {
        await using var workZone = await FakeWorkZoneServer.StartAsync();
        workZone.AddRecord("WZ-5");
        using var api = Api(workZone.BaseUrl);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await client.IngestAsync("WZ-5", "team-a", "Hej"))["id"]!;

        workZone.FailNextRequestsWith503 = 6; // more than one round of quick retries
        await client.ChangeAsync(HttpMethod.Post, id, "handled");
        await WaitForSyncAsync(client, id, "Synced");
        Assert.Equal("Ja", (string?)workZone.Record("WZ-5")[Field]);
        Assert.Equal(1, workZone.AppliedPatches);
    }

    [Fact]
    public async Task WorkZoneDownKeepsTheChangeCommittedAndPendingSync()
    {
        var workZone = await FakeWorkZoneServer.StartAsync();
        var url = workZone.BaseUrl;
        await workZone.DisposeAsync(); // nothing listens on the port now
        using var api = Api(url);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await client.IngestAsync("WZ-9", "team-a", "Hej"))["id"]!;

        var handled = await (await client.ChangeAsync(HttpMethod.Post, id, "handled")).ReadJsonAsync();
        Assert.Equal("cw-anna", (string?)handled["handled"]!["by"]);
        await Task.Delay(600);
        var detail = await (await client.GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync();
        Assert.Equal("PendingSync", (string?)detail["metadataSync"]);
        Assert.NotNull(detail["handled"]!["at"]);
    }

    [Fact]
    public async Task WithoutWorkZoneTheEmbeddedStoreKeepsTheMetadata()
    {
        using var api = new ApiFactory().WithSetting("MetadataSync:PollInterval", "00:00:00.100");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = (long)(await client.IngestAsync("D-7", "team-a", "Hej"))["id"]!;
        await client.ChangeAsync(HttpMethod.Post, id, "handled");
        await WaitForSyncAsync(client, id, "Synced");
        var stored = api.CreateDbContext().Set<SmartPost.Api.WorkZone.DocumentMetadata>().Single();
        Assert.True(stored.SmartPostHandled);
        Assert.Equal("cw-anna", stored.HandledBy);
    }
}
