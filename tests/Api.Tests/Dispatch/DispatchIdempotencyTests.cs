using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Dispatch;

/// <summary>Retries are safe on both databases the product runs on.</summary>
public class DispatchIdempotencyTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    private static ApiFactory Api(DatabaseKind kind) => new ApiFactory(kind).WithClock(new FixedClock(DispatchRequests.Now));

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task RetryWithSameKeyAndBodyReturnsTheSameDispatch(DatabaseKind kind)
    {
        using var api = Api(kind);
        var client = api.CreateCaseworkerClient();

        var first = await client.PostDispatchAsync(DispatchRequests.Valid(), "retry-1");
        var retry = await client.PostDispatchAsync(DispatchRequests.Valid(), "retry-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var (a, b) = (await first.JsonAsync(), await retry.JsonAsync());
        Assert.Equal((string)a["dispatchId"]!, (string)b["dispatchId"]!);
        Assert.Equal((string)a["memoXml"]!, (string)b["memoXml"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Set<DispatchRecord>().CountAsync());
        Assert.Equal(new[] { DispatchAuditEvent.Created, DispatchAuditEvent.Replayed },
            (await db.Set<DispatchAuditEvent>().ToListAsync()).OrderBy(e => e.Action == DispatchAuditEvent.Replayed).Select(e => e.Action));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task SameKeyWithDifferentBodyIsUnprocessable(DatabaseKind kind)
    {
        using var api = Api(kind);
        var client = api.CreateCaseworkerClient();
        await client.PostDispatchAsync(DispatchRequests.Valid(), "retry-1");
        var changed = DispatchRequests.Valid();
        changed["documentTitle"] = "Et andet brev";

        var response = await client.PostDispatchAsync(changed, "retry-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
        await using var db = api.CreateDbContext();
        Assert.Equal("Anmodning om lægeerklæring", (await db.Set<DispatchRecord>().SingleAsync()).DocumentTitle);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task SameKeyFromAnotherCaseworkerIsUnprocessable(DatabaseKind kind)
    {
        using var api = Api(kind);
        await api.CreateCaseworkerClient("cw-anna").PostDispatchAsync(DispatchRequests.Valid(), "shared-key");
        var response = await api.CreateCaseworkerClient("cw-bo").PostDispatchAsync(DispatchRequests.Valid(), "shared-key");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task WithoutKeyADeliberateResendIsANewDispatch(DatabaseKind kind)
    {
        using var api = Api(kind);
        var client = api.CreateCaseworkerClient();
        var resend = DispatchRequests.Valid();
        (resend["resend"], resend["resendReason"]) = (true, "Brevet kom retur");
        var a = await (await client.PostDispatchAsync(DispatchRequests.Valid())).JsonAsync();
        var b = await (await client.PostDispatchAsync(resend)).JsonAsync();
        Assert.NotEqual((string)a["dispatchId"]!, (string)b["dispatchId"]!);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task ConcurrentDuplicatesCreateOneDispatch(DatabaseKind kind)
    {
        using var api = Api(kind);
        var clients = Enumerable.Range(0, 8).Select(_ => api.CreateCaseworkerClient()).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PostDispatchAsync(DispatchRequests.Valid(), "burst-1")));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(async r => (string)(await r.JsonAsync())["dispatchId"]!));
        Assert.Single(ids.Distinct());
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Set<DispatchRecord>().CountAsync());
    }
}
