using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Recipients;
using SmartPost.Api.Replies;
using SmartPost.Api.Tests.Dispatch;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;
using SmartPost.Api.Tests.WorkZone;
using SmartPost.Api.WorkZone;
using WorkZoneStandIn;
using static SmartPost.Api.Tests.WorkZone.WorkZoneKit;

namespace SmartPost.Api.Tests.Operations;

/// <summary>Several API processes on one database, as a deployment with replicas runs them.</summary>
public class SeveralInstancesTests
{
    [Theory]
    [InlineData(DatabaseKind.Postgres, 4)]
    [InlineData(DatabaseKind.Sqlite, 3)]
    public async Task InstancesStartingTogetherOnAnEmptyDatabaseMigrateAndSeedOnce(DatabaseKind kind, int instances)
    {
        using var database = TestDatabase.Create(kind);
        var apps = Enumerable.Range(0, instances).Select(_ => new ApiFactory(database, seedDemoData: true)).ToList();
        try
        {
            // Starting the host runs migrations and seeding; all at the same moment, as replicas do.
            await Task.WhenAll(apps.Select(app => Task.Run(() => app.Server)));

            foreach (var app in apps)
            {
                var response = await app.CreateCaseworkerClient("cw-anna", "team-helbred").GetAsync("/api/v1/teams/team-helbred/replies");
                Assert.True(response.IsSuccessStatusCode, $"instance answered {(int)response.StatusCode}");
            }
            await using var db = apps[0].CreateDbContext();
            var (register, _) = RegisterCsv.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Rules", "digital-post-register.csv")));
            Assert.Equal(register.Count, await db.Set<DigitalPostExemption>().CountAsync());
            Assert.Equal(7, await db.Set<Reply>().CountAsync());
            Assert.Equal(7, await db.Set<Reply>().Select(r => r.SourceKey).Distinct().CountAsync());
            var applied = await db.Database.GetAppliedMigrationsAsync();
            Assert.Equal(applied.Count(), applied.Distinct().Count());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            foreach (var app in apps) await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoInstancesDeliverEveryHandledMarkToWorkZoneExactlyOnce()
    {
        const int replies = 40;
        await using var standIn = await StartStandInAsync();
        using var database = TestDatabase.Create(DatabaseKind.Postgres);
        using var first = Instance(database, standIn);
        using var second = Instance(database, standIn);
        var clients = new[] { first, second }.Select(app => app.CreateCaseworkerClient("cw-anna", "team-a")).ToArray();

        var ids = new List<long>();
        for (var i = 0; i < replies; i++)
        {
            var record = standIn.Data.AddIncoming(new IncomingSpec("Svar", "Hej", "FS-1", null));
            ids.Add(await IngestAsync(clients[i % 2], record, "team-a"));
        }
        // Marks through both instances at once, so both outbox workers see the same rows queued.
        await Task.WhenAll(ids.Select((id, i) => clients[i % 2].ChangeAsync(HttpMethod.Post, id, "handled")));

        await using var db = first.CreateDbContext();
        for (var wait = 0; wait < 300 && await db.Set<MetadataOutboxMessage>().AnyAsync(m => m.Status == OutboxStatus.Pending); wait++)
        {
            await Task.Delay(100);
        }
        var handledMarks = db.Set<MetadataOutboxMessage>().Where(m => m.Kind == MetadataKind.Handled);
        Assert.Equal(replies, await handledMarks.CountAsync(m => m.Status == OutboxStatus.Delivered));
        var patches = AppliedPatches(standIn);
        Assert.Equal(replies, patches.Count);
        Assert.All(patches.Values, p => Assert.Single(p, r => r.ChangedProperties.Contains(HandledField)));
    }

    [Fact]
    public async Task TwoInstancesWithTheFeedPollOneAtATimeStoreEveryRecordOnceAndTheOtherTakesOverWhenThePollerStops()
    {
        await using var standIn = await StartStandInAsync(seedIncoming: 30);
        using var database = TestDatabase.Create(DatabaseKind.Postgres);
        var polls = new Dictionary<string, List<DateTime>> { ["a"] = [], ["b"] = [] };
        var apps = new Dictionary<string, ApiFactory> { ["a"] = FeedInstance(database, standIn, polls["a"]), ["b"] = FeedInstance(database, standIn, polls["b"]) };
        try
        {
            await Task.WhenAll(apps.Values.Select(app => Task.Run(() => app.Server)));
            var reader = apps["a"];
            async Task<List<string?>> StoredAsync()
            {
                await using var db = reader.CreateDbContext();
                return await db.Set<Reply>().Select(r => r.DocumentId).ToListAsync();
            }

            await EventuallyAsync(async () => (await StoredAsync()).Count >= 30, TimeSpan.FromSeconds(60), "30 records stored");
            standIn.Data.AddIncoming(new IncomingSpec("Svar", "Tak for brevet.", "FS-2", "HELBRED"));
            await EventuallyAsync(async () => (await StoredAsync()).Count >= 31, TimeSpan.FromSeconds(30), "a record added later stored");
            var listed = Count(polls);
            await EventuallyAsync(() => Task.FromResult(Count(polls).Values.Sum() >= listed.Values.Sum() + 5), TimeSpan.FromSeconds(30), "five more polls");

            // One instance polled all along; the other asked for the lease and waited.
            listed = Count(polls);
            var leader = listed.Single(p => p.Value > 0).Key;
            var follower = leader == "a" ? "b" : "a";
            Assert.Equal(0, listed[follower]);

            reader = apps[follower];
            var stoppedAt = DateTime.UtcNow;
            await apps[leader].DisposeAsync();
            standIn.Data.AddIncoming(new IncomingSpec("Svar", "Jeg sender papirerne i morgen.", "FS-3", "HELBRED"));
            await EventuallyAsync(async () => (await StoredAsync()).Count >= 32, TimeSpan.FromSeconds(30), "the other instance took over and stored the new record");
            lock (polls[follower]) Assert.All(polls[follower], at => Assert.True(at >= stoppedAt, "the follower polled while the leader still held the lease"));

            var stored = await StoredAsync();
            Assert.Equal(32, stored.Count);
            Assert.True(standIn.Data.Snapshot().Select(r => r.ID).ToHashSet().SetEquals(stored!), "every WorkZone record stored exactly once");
        }
        finally
        {
            foreach (var app in apps.Values) await app.DisposeAsync();
        }
    }

    private static Dictionary<string, int> Count(Dictionary<string, List<DateTime>> polls) =>
        polls.ToDictionary(p => p.Key, p => { lock (p.Value) return p.Value.Count; });

    /// <summary>An instance with the feed on, noting when it asks WorkZone for the first page of new records.</summary>
    private static ApiFactory FeedInstance(TestDatabase database, StandInServer standIn, List<DateTime> firstPageRequests) =>
        Configure(new ApiFactory(database), standIn, feed: true)
            .WithSetting("WorkZone:Feed:LeaseCheckInterval", "00:00:00.500")
            .WithServices(s => s.AddHttpClient<WorkZoneClient>().AddHttpMessageHandler(() => new FirstPageRecorder(firstPageRequests)));

    private sealed class FirstPageRecorder(List<DateTime> at) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var path = request.RequestUri!.PathAndQuery;
            if (request.Method == HttpMethod.Get && path.StartsWith("/OData4/Records?$filter=", StringComparison.Ordinal) && !path.Contains("skiptoken"))
            {
                lock (at) at.Add(DateTime.UtcNow);
            }
            return base.SendAsync(request, ct);
        }
    }

    [Fact]
    public async Task ACatchAllReplyOnOneInstanceFindsALetterJustSentThroughAnother()
    {
        using var database = TestDatabase.Create(DatabaseKind.Postgres);
        var clock = new FixedClock(DispatchRequests.Now);
        using var sender = new ApiFactory(database).WithClock(clock).WithSetting("Replies:DefaultTeam", "team-fordeling");
        using var receiver = new ApiFactory(database).WithClock(clock).WithSetting("Replies:DefaultTeam", "team-fordeling");
        var teams = new[] { "team-udland", "team-fordeling" };
        var receiving = receiver.CreateCaseworkerClient("cw-anna", teams);
        async Task<string?> RoutingOfSignedReplyAsync() =>
            (string?)(await receiving.IngestAsync($"R-{Guid.NewGuid():N}", null!, "Hej\n\nMvh\nHans Jørgen Lassen"))["routing"];

        // The receiver has routed before, so its in-memory name index is loaded.
        Assert.Equal("DefaultTeam", await RoutingOfSignedReplyAsync());

        var letter = DispatchRequests.Valid("D2026-000901", "CPR", "150466-2765");
        letter["caseNumber"] = "FS-2026-002001";
        letter["team"] = "team-udland";
        letter["recipient"]!["name"] = "Hans Jørgen Lassen";
        Assert.Equal(System.Net.HttpStatusCode.Created, (await sender.CreateCaseworkerClient("cw-anna", teams).PostDispatchAsync(letter)).StatusCode);

        Assert.Equal("RecipientNameInText", await RoutingOfSignedReplyAsync());
    }

    private static ApiFactory Instance(TestDatabase database, StandInServer standIn) =>
        Configure(new ApiFactory(database), standIn)
            .WithSetting("MetadataSync:PollInterval", "00:00:00.020")
            .WithSetting("MetadataSync:AttemptTimeout", "00:00:05");
}
