using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SmartPost.Api.Infrastructure.Database;

/// <summary>
/// Named locks shared by every API instance on one database: start-up work (migrations, demo data) and jobs that must
/// run on one instance at a time take one. On PostgreSQL it is a session advisory lock on a dedicated connection, so
/// the server releases it the moment the holder closes the connection or dies — no lease row to expire or clean up.
/// On SQLite (one machine by nature) it is an exclusive lock on a file next to the database, released by the
/// operating system when the holding process ends.
/// </summary>
public sealed class DatabaseLocks(IOptions<DatabaseOptions> options)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until the lock is free, then holds it until the returned handle is disposed.</summary>
    public async Task<DatabaseLock> AcquireAsync(string name, CancellationToken ct)
    {
        while (true)
        {
            if (await TryAcquireAsync(name, ct) is { } held) return held;
            await Task.Delay(RetryDelay, ct);
        }
    }

    /// <summary>The lock when it was free, otherwise null at once.</summary>
    public async Task<DatabaseLock?> TryAcquireAsync(string name, CancellationToken ct)
    {
        var o = options.Value;
        return string.IsNullOrWhiteSpace(o.PostgresConnectionString)
            ? FileLock.TryAcquire(Path.GetFullPath(o.SqlitePath) + $".{name}.lock")
            : await AdvisoryLock.TryAcquireAsync(o.PostgresConnectionString, name, ct);
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection, long key) : DatabaseLock
    {
        public static async Task<DatabaseLock?> TryAcquireAsync(string connectionString, string name, CancellationToken ct)
        {
            // Its own unpooled connection: the lock lives exactly as long as this connection.
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync(ct);
                var key = KeyOf(name);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                if (await command.ExecuteScalarAsync(ct) is true) return new AdvisoryLock(connection, key);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            await connection.DisposeAsync();
            return null;
        }

        public override async Task<bool> IsHeldAsync(CancellationToken ct)
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(ct);
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                return false; // the connection is gone, and with it the lock
            }
        }

        public override async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // Connection already broken: the server has released the lock with it.
            }
            await connection.DisposeAsync();
        }

        /// <summary>A stable 64-bit key per name (advisory locks are keyed by number).</summary>
        private static long KeyOf(string name) =>
            BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("smartpost:" + name)), 0);
    }

    private sealed class FileLock(FileStream file) : DatabaseLock
    {
        public static DatabaseLock? TryAcquire(string path)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix (a share lock on Windows), across processes.
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                return null;
            }
        }

        public override Task<bool> IsHeldAsync(CancellationToken ct) => Task.FromResult(true);

        public override ValueTask DisposeAsync() => file.DisposeAsync();
    }
}

/// <summary>A held lock; disposing releases it.</summary>
public abstract class DatabaseLock : IAsyncDisposable
{
    /// <summary>False once the lock is lost (on PostgreSQL: the holding connection broke).</summary>
    public abstract Task<bool> IsHeldAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();
}
