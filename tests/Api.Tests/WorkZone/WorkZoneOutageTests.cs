using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Replies;
using SmartPost.Api.WorkZone;
using WorkZoneStandIn;
using static SmartPost.Api.Tests.WorkZone.WorkZoneKit;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>Marks made while WorkZone is down or refuses our token arrive afterwards, each once, on behalf of who acted.</summary>
public class WorkZoneOutageTests
{
    /// <summary>
    /// The outage lasts 10 s in the normal run; scripts/workzone-outage-test.sh sets it to the full 60 s of the
    /// acceptance criterion (SMARTPOST_WORKZONE_OUTAGE_SECONDS).
    /// </summary>
    private static double OutageSeconds =>
        double.TryParse(Environment.GetEnvironmentVariable("SMARTPOST_WORKZONE_OUTAGE_SECONDS"), out var s) ? s : 10;

    private static readonly string[] Caseworkers = ["cw-anna", "cw-bo", "cw-carl"];

    [Fact]
    public async Task TwoHundredMarksDuringAnOutageAllArriveAfterItOnceEachOnBehalfOfTheirCaseworker()
    {
        await using var standIn = await StartStandInAsync(seedIncoming: 200, requireToken: true);
        using var api = ApiAgainst(standIn, auth: true);
        var records = standIn.Data.Snapshot().Select(r => r.ID).ToList();
        var clients = Caseworkers.Select(c => api.CreateCaseworkerClient(c, "team-a")).ToArray();
        var replies = new List<(long Id, string Record, string Caseworker)>();
        for (var i = 0; i < records.Count; i++)
        {
            replies.Add((await IngestAsync(clients[0], records[i], "team-a"), records[i], Caseworkers[i % 3]));
        }

        // WorkZone stays down until every mark is made and at least OutageSeconds have passed, then comes back.
        standIn.Faults.Add(new FaultSpec("unavailable", Seconds: 3600));
        var outageStarted = DateTime.UtcNow;
        for (var i = 0; i < replies.Count; i++)
        {
            var response = await clients[i % 3].ChangeAsync(HttpMethod.Post, replies[i].Id, "handled");
            Assert.True(response.IsSuccessStatusCode);
        }
        var remaining = outageStarted.AddSeconds(OutageSeconds) - DateTime.UtcNow;
        if (remaining > TimeSpan.Zero) await Task.Delay(remaining);
        Assert.Empty(AppliedPatches(standIn)); // all 200 still waiting
        Assert.Contains(standIn.Requests.All(), r => r.Status == 503); // and they did try
        standIn.Faults.Clear();

        await EventuallyAsync(() => Task.FromResult(AppliedPatches(standIn).Count == 200), TimeSpan.FromSeconds(OutageSeconds + 90), "200 marks in WorkZone");
        await Task.Delay(1000); // anything sent twice would show by now
        var applied = AppliedPatches(standIn);
        foreach (var (_, record, caseworker) in replies)
        {
            var patch = Assert.Single(applied[record]);
            Assert.Equal($"User={caseworker}", patch.OnBehalfOf);
            Assert.Equal([HandledField], patch.ChangedProperties);
            Assert.True(patch.HadBearerToken);
            Assert.Equal("Ja", standIn.Data.Find(record)!.Value.Record.SMARTPOST_BEHANDLET);
        }
        Assert.All(await api.CreateDbContext().Set<MetadataOutboxMessage>().ToListAsync(), m => Assert.Equal(OutboxStatus.Delivered, m.Status));
    }

    [Fact]
    public async Task AFifteenSecondBurstOf401DuringTwentyMarksRaisesTheAlertAndAllTwentyArriveAfterwards()
    {
        await using var standIn = await StartStandInAsync(seedIncoming: 20, requireToken: true);
        using var api = ApiAgainst(standIn, auth: true);
        var records = standIn.Data.Snapshot().Select(r => r.ID).ToList();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var ids = new List<long>();
        foreach (var record in records) ids.Add(await IngestAsync(client, record, "team-a"));
        var tokensBefore = standIn.Issuer.IssuedCount;

        // Every request refused with 401 until the marks are made, the alert is up and 15 s have passed.
        standIn.Faults.Add(new FaultSpec("unauthorized", Seconds: 3600));
        var burstStarted = DateTime.UtcNow;
        foreach (var id in ids) await client.ChangeAsync(HttpMethod.Post, id, "handled");

        await EventuallyAsync(async () => (await StatusAsync(client))["authAlert"]!.Type != JTokenType.Null, TimeSpan.FromSeconds(30), "the auth alert");
        var during = await StatusAsync(client);
        Assert.Contains("adgang afvist", (string?)during["summary"]);
        var remaining = burstStarted.AddSeconds(15) - DateTime.UtcNow;
        if (remaining > TimeSpan.Zero) await Task.Delay(remaining);
        Assert.Empty(AppliedPatches(standIn));
        Assert.Equal(20, await api.CreateDbContext().Set<MetadataOutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Pending));
        standIn.Faults.Clear();

        await EventuallyAsync(() => Task.FromResult(AppliedPatches(standIn).Count == 20), TimeSpan.FromSeconds(60), "20 marks in WorkZone");
        Assert.All(records, r => Assert.Single(AppliedPatches(standIn)[r]));
        Assert.True(standIn.Issuer.IssuedCount > tokensBefore, "a fresh token was fetched after the 401s");
        Assert.Equal(JTokenType.Null, (await StatusAsync(client))["authAlert"]!.Type);
        Assert.All(await api.CreateDbContext().Set<MetadataOutboxMessage>().ToListAsync(), m => Assert.Equal(OutboxStatus.Delivered, m.Status));
    }
}
