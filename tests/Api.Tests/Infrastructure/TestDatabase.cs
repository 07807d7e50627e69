using Npgsql;

namespace SmartPost.Api.Tests.Infrastructure;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>
/// One throw-away database. PostgreSQL comes from SMARTPOST_TEST_POSTGRES (set by test.sh, which starts a
/// local server); a test that asks for PostgreSQL without it fails with a message saying how to get one.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "SMARTPOST_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string? sqlitePath, string? postgresConnectionString, string? postgresAdmin, string? postgresName)
    {
        SqlitePath = sqlitePath ?? "";
        PostgresConnectionString = postgresConnectionString;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string SqlitePath { get; }
    public string? PostgresConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static TestDatabase Create(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "smartpost-tests");
            Directory.CreateDirectory(dir);
            return new TestDatabase(Path.Combine(dir, $"{Guid.NewGuid():N}.db"), null, null, null);
        }

        var admin = PostgresServer ?? throw new InvalidOperationException(
            $"This test needs PostgreSQL: run ./test.sh (it starts a local server) or set {PostgresVariable}.");
        var name = $"smartpost_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(null, builder.ConnectionString, admin, name);
    }

    public void Dispose()
    {
        if (SqlitePath.Length > 0)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", ".startup.lock", ".retention.lock" })
            {
                try { File.Delete(SqlitePath + suffix); } catch (IOException) { /* still open by a pooled connection */ }
            }
        }
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }
}
