using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Npgsql;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Teams;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Teams;

/// <summary>
/// On PostgreSQL the team list's plain page is read by hand-written SQL (<see cref="PostgresInboxPage"/>), not by EF's
/// queries. Page by page it must give what EF's queries give: the same rows in the same order with the same list
/// columns, the same "more" and the same totals, for unhandled and all, first page and after a cursor.
/// </summary>
public class PostgresInboxPageTests
{
    private static readonly string[] Texts =
    [
        "Jeg vil have aktindsigt i min sag.",
        "Jeg klager over afgørelsen.",
        "Jeg beder om fristforlængelse på 14 dage.",
        "Tak for brevet, hermed papirerne.",
    ];

    [Fact]
    public async Task PagesEqualEfQueriesPageByPage()
    {
        using var api = new ApiFactory(DatabaseKind.Postgres);
        var client = api.CreateCaseworkerClient("cw-anna", "team-a", "team-b");
        var ids = new List<long>();
        for (var i = 0; i < 14; i++)
        {
            // Pairs received at the same moment, so the id decides their order; team-b's rows must not show.
            var received = DateTimeOffset.Parse("2026-11-02T09:00:00Z").AddHours(i / 2);
            var reply = await client.IngestAsync($"D-{i}", i % 7 == 6 ? "team-b" : "team-a", Texts[i % Texts.Length], received, $"Emne {i}");
            ids.Add((long)reply["id"]!);
        }
        Assert.True((await client.ChangeAsync(HttpMethod.Post, ids[0], "handled")).IsSuccessStatusCode);
        Assert.True((await client.ChangeAsync(HttpMethod.Post, ids[3], "handled")).IsSuccessStatusCode);
        Assert.True((await client.ChangeAsync(HttpMethod.Post, ids[4], "screened")).IsSuccessStatusCode);
        Assert.True((await client.ChangeAsync(HttpMethod.Post, ids[5], "claim")).IsSuccessStatusCode);

        foreach (var status in new[] { "unhandled", "all" })
        {
            InboxCursor? after = null;
            var seen = 0;
            for (var page = 0; page < 10; page++)
            {
                using var scope = api.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                await db.Database.OpenConnectionAsync();
                var byHand = await PostgresInboxPage.ReadAsync((NpgsqlConnection)db.Database.GetDbConnection(), "team-a", status, after, 3, default);
                var (efRows, efMore) = await PlainInboxPage.PageAsync(db, "team-a", status, after, 3, default);
                var efTotals = await TeamReplyCount.ReadAsync(db, "team-a", status, default);

                Assert.Equal(efTotals, byHand.Totals);
                Assert.Equal(efMore, byHand.More);
                Assert.Equal(efRows.Select(ListColumns), byHand.Rows.Select(ListColumns));
                seen += byHand.Rows.Count;
                if (!byHand.More) break;
                after = InboxCursor.From(byHand.Rows[^1]);
            }
            Assert.Equal(status == "all" ? 12 : 10, seen);
        }
    }

    [Fact]
    public void PooledConnectionsSkipTheSessionResetUnlessTheConnectionStringSaysOtherwise()
    {
        var plain = new NpgsqlConnectionStringBuilder(DatabaseSetup.PooledConnectionString("Host=db;Database=smartpost"));
        Assert.True(plain.NoResetOnClose);
        Assert.Equal("db", plain.Host);
        var explicitReset = new NpgsqlConnectionStringBuilder(DatabaseSetup.PooledConnectionString("Host=db;No Reset On Close=false"));
        Assert.False(explicitReset.NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseSetup.PooledConnectionString("Host=db;noresetonclose=false")).NoResetOnClose);
    }

    /// <summary>Every column a list row is made of (<see cref="InboxQuery.ListColumnsSelector"/>).</summary>
    private static string ListColumns(Reply r) => JsonConvert.SerializeObject(new
    {
        r.Id, r.Team, r.ReceivedAt, ReceivedKind = r.ReceivedAt.Kind, r.Subject, r.CaseNumber, r.SenderIdType, r.SenderId,
        r.FlagsJson, r.DueDate, r.SortDueDate, r.NeedsManualScreening, r.Routing, r.RoutingReason, r.ScreenedAt,
        r.ScreenedBy, r.ClaimedBy, r.ClaimedAt, r.IsHandled, r.HandledBy, r.HandledAt, r.Version,
    });
}
