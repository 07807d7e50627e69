using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Dispatch;

/// <summary>
/// One dispatch per letter version, decided by the API: two clicks on "Send" (each with its own Idempotency-Key, or
/// none) record one dispatch; a deliberate re-send needs resend + a reason and is audited.
/// </summary>
public class DispatchOncePerLetterTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    private static ApiFactory Api(DatabaseKind kind = DatabaseKind.Sqlite) =>
        new ApiFactory(kind).WithClock(new FixedClock(DispatchRequests.Now));

    [Theory]
    [InlineData("click-1", "click-2")]
    [InlineData(null, null)]
    [InlineData("click-1", null)]
    public async Task SecondSendOfTheSameLetterVersionReturnsTheFirstDispatch(string? firstKey, string? secondKey)
    {
        using var api = Api();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");

        var first = await client.PostDispatchAsync(DispatchRequests.Valid(), firstKey);
        var second = await client.PostDispatchAsync(DispatchRequests.Valid(), secondKey);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var (a, b) = (await first.JsonAsync(), await second.JsonAsync());
        Assert.Equal((string)a["dispatchId"]!, (string)b["dispatchId"]!);
        // 2 March 2026 08:00 UTC is 09.00 in Copenhagen.
        Assert.Equal("Allerede sendt 2. marts 2026 kl. 09.00 af cw-anna. Intet nyt er registreret; skal brevet sendes igen, så vælg \"Send igen\" og skriv hvorfor.",
            (string?)b["notice"]);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Set<DispatchRecord>().CountAsync());
        Assert.Equal([DispatchAuditEvent.Created], await db.Set<DispatchAuditEvent>().Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task ADifferentLetterOrChoiceForTheSameDocumentIsANewDispatch()
    {
        using var api = Api();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        await client.PostDispatchAsync(DispatchRequests.Valid(), "k1");
        var edited = DispatchRequests.Valid();
        edited["letter"]!["contentBase64"] = Convert.ToBase64String("%PDF-1.7 Kære Else Marie Krogh, rettet"u8.ToArray());
        var otherChoice = DispatchRequests.Valid();
        (otherChoice["chosenOption"], otherChoice["overrideReason"], otherChoice["replyBy"]) = ("WithoutReply", "Kun orientering", null);

        Assert.Equal(HttpStatusCode.Created, (await client.PostDispatchAsync(edited, "k2")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostDispatchAsync(otherChoice, "k3")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task ConcurrentClicksWithDifferentKeysRecordOneDispatch(DatabaseKind kind)
    {
        using var api = Api(kind);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => client.PostDispatchAsync(DispatchRequests.Valid(), $"click-{i}")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var ids = new HashSet<string>();
        foreach (var r in responses) ids.Add((string)(await r.JsonAsync())["dispatchId"]!);
        Assert.Single(ids);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Set<DispatchRecord>().CountAsync());
    }

    [Fact]
    public async Task DeliberateResendNeedsAReasonAndIsAudited()
    {
        using var api = Api();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var first = await (await client.PostDispatchAsync(DispatchRequests.Valid(), "k1")).JsonAsync();

        var noReason = DispatchRequests.Valid();
        noReason["resend"] = true;
        var refused = await client.PostDispatchAsync(noReason, "k2");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Skriv hvorfor brevet skal sendes igen.", (string?)(await refused.JsonAsync())["errors"]!["resendReason"]![0]);

        var resend = DispatchRequests.Valid();
        (resend["resend"], resend["resendReason"]) = (true, "Borgeren har ikke modtaget brevet");
        var again = await client.PostDispatchAsync(resend, "k3");

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual((string)first["dispatchId"]!, (string)(await again.JsonAsync())["dispatchId"]!);
        await using var db = api.CreateDbContext();
        var audit = await db.Set<DispatchAuditEvent>().SingleAsync(e => e.Action == DispatchAuditEvent.Resent);
        Assert.Equal("Sendt igen; første gang 2. marts 2026 kl. 09.00 af cw-anna. Begrundelse: Borgeren har ikke modtaget brevet", audit.Detail);
        // A plain send after the re-send is still a repeat of the first dispatch.
        var repeat = await (await client.PostDispatchAsync(DispatchRequests.Valid(), "k4")).JsonAsync();
        Assert.Equal((string)first["dispatchId"]!, (string)repeat["dispatchId"]!);
    }

    [Fact]
    public async Task AnotherTeamLearnsOnlyThatTheLetterWasSent()
    {
        using var api = Api();
        await api.CreateCaseworkerClient("cw-anna", "team-a").PostDispatchAsync(DispatchRequests.Valid(), "k1");

        var other = await api.CreateCaseworkerClient("cw-ole", "team-b").PostDispatchAsync(DispatchRequests.Valid(), "k2");
        var text = await other.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.DoesNotContain("150466", text);
        Assert.DoesNotContain("cw-anna", text);
    }
}
