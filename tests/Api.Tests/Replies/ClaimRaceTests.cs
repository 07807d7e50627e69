using System.Net;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Replies;

/// <summary>
/// Fifty caseworkers press "Tag svaret" on the same version at once: exactly one wins and every other one learns who
/// has it (409 with holder), never a bare 412 — on SQLite, PostgreSQL, and two API instances sharing PostgreSQL.
/// </summary>
public class ClaimRaceTests
{
    private const int Users = 50;

    [Theory]
    [InlineData(DatabaseKind.Sqlite, false)]
    [InlineData(DatabaseKind.Postgres, false)]
    [InlineData(DatabaseKind.Postgres, true)]
    public async Task FiftyWayClaimRaceHasOneWinnerAndEveryLoserSeesTheHolder(DatabaseKind kind, bool twoInstances)
    {
        using var first = new ApiFactory(kind);
        using var second = twoInstances ? first.SecondInstance() : null;
        var seed = first.CreateCaseworkerClient("cw-ingest", "team-a");

        for (var round = 0; round < 3; round++)
        {
            var id = (long)(await seed.IngestAsync($"D-RACE-{round}", "team-a", "Hej"))["id"]!;
            var etag = (await seed.GetAsync($"/api/v1/replies/{id}")).Headers.ETag!.Tag;
            var clients = Enumerable.Range(0, Users)
                .Select(i => (i % 2 == 1 && second is not null ? second : first).CreateCaseworkerClient($"cw-{i}", "team-a"))
                .ToList();

            using var start = new SemaphoreSlim(0);
            var attempts = clients.Select(async c =>
            {
                await start.WaitAsync();
                var response = await c.ChangeAsync(HttpMethod.Post, id, "claim", etag);
                return (response.StatusCode, Body: await response.ReadJsonAsync());
            }).ToList();
            start.Release(Users);
            var results = await Task.WhenAll(attempts);

            var winners = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            Assert.Single(winners);
            var holder = (string?)winners[0].Body["claim"]!["by"];
            Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
            {
                Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
                Assert.Equal(holder, (string?)r.Body["holder"]);
            });
        }
    }
}
