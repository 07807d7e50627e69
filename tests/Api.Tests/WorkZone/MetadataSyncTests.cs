using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;
using WorkZoneStandIn;
using static SmartPost.Api.Tests.WorkZone.WorkZoneKit;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>"SmartPost behandlet" written to WorkZone (the OData 4 stand-in over real HTTP) through the outbox.</summary>
public class MetadataSyncTests
{
    private static async Task<JObject> WaitForSyncAsync(HttpClient client, long id, string expected)
    {
        JObject detail = new();
        await EventuallyAsync(async () =>
        {
            detail = await (await client.GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync();
            return (string?)detail["metadataSync"] == expected;
        }, TimeSpan.FromSeconds(20), $"metadataSync {expected} (was {(string?)detail["metadataSync"]})");
        return detail;
    }

    private static string NewRecord(StandInServer standIn) => standIn.Data.AddIncoming(new IncomingSpec("Svar", "Hej", "FS-1", null));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HandledIsAPatchOfOnlyThatFieldOnOData4OnBehalfOfTheCaseworkerWithAToken(bool etags)
    {
        await using var standIn = await StartStandInAsync(etags: etags, requireToken: true);
        var recordId = NewRecord(standIn);
        using var api = ApiAgainst(standIn, auth: true).WithSetting("WorkZone:UserNames:cw-anna", "ANNA");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = await IngestAsync(client, recordId, "team-a");

        await client.ChangeAsync(HttpMethod.Post, id, "handled");
        await WaitForSyncAsync(client, id, "Synced");
        Assert.Equal("Ja", standIn.Data.Find(recordId)!.Value.Record.SMARTPOST_BEHANDLET);

        await client.ChangeAsync(HttpMethod.Delete, id, "handled");
        await WaitForSyncAsync(client, id, "Synced");
        Assert.Null(standIn.Data.Find(recordId)!.Value.Record.SMARTPOST_BEHANDLET);

        var patches = AppliedPatches(standIn)[recordId];
        Assert.Equal(2, patches.Count);
        Assert.All(patches, p =>
        {
            Assert.Equal([HandledField], p.ChangedProperties);
            Assert.Equal("User=ANNA", p.OnBehalfOf);
            Assert.True(p.HadBearerToken);
            Assert.Equal(etags, p.IfMatch is not null);
        });
        Assert.Equal("""{"SMARTPOST_BEHANDLET":"Ja"}""", patches[0].Body);
        Assert.Equal("""{"SMARTPOST_BEHANDLET":null}""", patches[1].Body);
    }

    [Fact]
    public async Task PreconditionFailedIsRetriedOnceWithAFreshReadThenReportedAsConflict()
    {
        await using var standIn = await StartStandInAsync();
        var once = NewRecord(standIn);
        var twice = NewRecord(standIn);
        using var api = ApiAgainst(standIn);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var onceId = await IngestAsync(client, once, "team-a");
        var twiceId = await IngestAsync(client, twice, "team-a");

        standIn.Faults.Add(new FaultSpec("precondition", Count: 1));
        await client.ChangeAsync(HttpMethod.Post, onceId, "handled");
        await WaitForSyncAsync(client, onceId, "Synced");
        Assert.Equal("Ja", standIn.Data.Find(once)!.Value.Record.SMARTPOST_BEHANDLET);

        standIn.Faults.Add(new FaultSpec("precondition", Count: 2));
        await client.ChangeAsync(HttpMethod.Post, twiceId, "handled");
        await WaitForSyncAsync(client, twiceId, "Failed");
        var history = await (await client.GetAsync($"/api/v1/replies/{twiceId}/history")).ReadJsonAsync();
        Assert.Contains(history["items"]!, e => (string?)e["kind"] == "MetadataSyncConflict");
    }

    [Fact]
    public async Task ARefusalIsShownInDanishWithWorkZonesReasonAndCanBePutBackInTheQueue()
    {
        await using var standIn = await StartStandInAsync();
        var recordId = NewRecord(standIn);
        using var api = ApiAgainst(standIn).WithSetting("WorkZone:UserNames:cw-bo", "BO");
        var client = api.CreateCaseworkerClient("cw-bo", "team-a");
        var id = await IngestAsync(client, recordId, "team-a");
        StandInGuard.RefusedUsers["BO"] = "Brugeren BO har ikke skriveadgang til akten.";
        try
        {
            await client.ChangeAsync(HttpMethod.Post, id, "handled");
            await WaitForSyncAsync(client, id, "Failed");
        }
        finally
        {
            StandInGuard.RefusedUsers.TryRemove("BO", out _);
        }
        var failed = (JArray)(await (await client.GetAsync("/api/v1/workzone/writes/failed")).ReadJsonAsync())["items"]!;
        var write = Assert.Single(failed);
        Assert.Equal("WorkZone afviste ændringen for BO: Brugeren BO har ikke skriveadgang til akten.", (string?)write["reason"]);
        var history = await (await client.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        Assert.Contains(history["items"]!, e => (string?)e["kind"] == "MetadataSyncFailed" && ((string?)e["detail"])!.Contains("har ikke skriveadgang"));

        var outsider = api.CreateCaseworkerClient("cw-x", "team-b");
        Assert.Equal(403, (int)(await outsider.PostAsync($"/api/v1/workzone/writes/{write["id"]}/retry", null)).StatusCode);
        var retry = await client.PostAsync($"/api/v1/workzone/writes/{write["id"]}/retry", null);
        Assert.Equal(200, (int)retry.StatusCode);
        await WaitForSyncAsync(client, id, "Synced");
        Assert.Equal("Ja", standIn.Data.Find(recordId)!.Value.Record.SMARTPOST_BEHANDLET);
        history = await (await client.GetAsync($"/api/v1/replies/{id}/history")).ReadJsonAsync();
        Assert.Contains(history["items"]!, e => (string?)e["kind"] == "MetadataSyncRequeued" && (string?)e["actor"] == "cw-bo");
        Assert.Equal(409, (int)(await client.PostAsync($"/api/v1/workzone/writes/{write["id"]}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task TheLabelKeyedSubTableVariantAddsTheRowThenPatchesOnlyItsValue()
    {
        await using var standIn = await StartStandInAsync();
        var recordId = NewRecord(standIn);
        using var api = ApiAgainst(standIn)
            .WithSetting("WorkZone:HandledFieldName", "CustomInfos/Info_Value")
            .WithSetting("WorkZone:HandledLabel", "SPBEH");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = await IngestAsync(client, recordId, "team-a");

        await client.ChangeAsync(HttpMethod.Post, id, "handled");
        await WaitForSyncAsync(client, id, "Synced");
        var row = Assert.Single(standIn.Data.CustomInfos(recordId));
        Assert.Equal(("SPBEH", "Ja"), (row.CustomLabel_Value, row.Info_Value));

        await client.ChangeAsync(HttpMethod.Delete, id, "handled");
        await WaitForSyncAsync(client, id, "Synced");
        row = Assert.Single(standIn.Data.CustomInfos(recordId));
        Assert.Null(row.Info_Value);
        var patch = Assert.Single(standIn.Requests.All(), r => r.Method == "PATCH");
        Assert.Equal($"/OData4/RecordInfoDicts('{row.ID}')", patch.PathAndQuery);
        Assert.Equal(["Info_Value"], patch.ChangedProperties);
        Assert.Equal("User=cw-anna", patch.OnBehalfOf);
    }

    [Fact]
    public async Task WorkZoneDownKeepsTheChangeCommittedAndPendingSync()
    {
        var standIn = await StartStandInAsync();
        await standIn.DisposeAsync(); // nothing listens on the port now
        using var api = ApiAgainst(standIn).WithSetting("WorkZone:StartupMetadataTimeout", "00:00:01");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = await IngestAsync(client, "100001", "team-a");

        var handled = await (await client.ChangeAsync(HttpMethod.Post, id, "handled")).ReadJsonAsync();
        Assert.Equal("cw-anna", (string?)handled["handled"]!["by"]);
        await Task.Delay(600);
        var detail = await (await client.GetAsync($"/api/v1/replies/{id}")).ReadJsonAsync();
        Assert.Equal("PendingSync", (string?)detail["metadataSync"]);
        Assert.NotNull(detail["handled"]!["at"]);
        var status = await StatusAsync(client);
        Assert.True((bool)status["configured"]!);
        Assert.Equal(1, (int)status["writesWaiting"]!);
        Assert.Contains("$metadata", (string?)status["lastError"]);
    }

    [Fact]
    public async Task WithoutWorkZoneTheEmbeddedStoreKeepsTheMetadata()
    {
        using var api = new ApiFactory().WithSetting("MetadataSync:PollInterval", "00:00:00.100");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var id = await IngestAsync(client, "D-7", "team-a");
        await client.ChangeAsync(HttpMethod.Post, id, "handled");
        await WaitForSyncAsync(client, id, "Synced");
        var stored = api.CreateDbContext().Set<SmartPost.Api.WorkZone.DocumentMetadata>().Single();
        Assert.True(stored.SmartPostHandled);
        Assert.Equal("cw-anna", stored.HandledBy);
        var status = await StatusAsync(client);
        Assert.False((bool)status["configured"]!);
        Assert.Equal(JTokenType.Null, status["summary"]!.Type);
    }
}
