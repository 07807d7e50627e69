using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>
/// The SQLite settings hold on every connection the API uses: a fresh one, the same one handed out again by the pool
/// (the settings are applied once per native connection), and a second one opened while the first is in use.
/// </summary>
public class SqliteSettingsTests
{
    [Fact]
    public async Task EveryConnectionRunsInWalWithNormalSyncAndABusyTimeout()
    {
        using var api = new ApiFactory();
        _ = api.Services; // start the host: migrations run, the pool holds a connection

        for (var round = 0; round < 3; round++)
        {
            await using var first = api.Services.CreateAsyncScope();
            var db = first.ServiceProvider.GetRequiredService<AppDb>();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(("wal", 1L, 5000L), await SettingsAsync(db));

            // Held open by the first scope, so the pool must hand out another native connection here.
            await using var second = api.Services.CreateAsyncScope();
            var other = second.ServiceProvider.GetRequiredService<AppDb>();
            await other.Database.OpenConnectionAsync();
            Assert.NotSame(db.Database.GetDbConnection(), other.Database.GetDbConnection());
            Assert.Equal(("wal", 1L, 5000L), await SettingsAsync(other));
        }
    }

    private static async Task<(string JournalMode, long Synchronous, long BusyTimeout)> SettingsAsync(AppDb db)
    {
        var connection = db.Database.GetDbConnection();
        async Task<object?> Read(string pragma)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            return await command.ExecuteScalarAsync();
        }
        return ((string)(await Read("journal_mode"))!, (long)(await Read("synchronous"))!, (long)(await Read("busy_timeout"))!);
    }
}
