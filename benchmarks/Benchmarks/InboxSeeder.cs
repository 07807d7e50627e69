using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Npgsql;
using NpgsqlTypes;
using SmartPost.Api.Calendar;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Screening;
using SmartPost.Api.Teams.Migrations;

namespace SmartPost.Benchmarks;

/// <summary>
/// Fills a database with years of replies for the inbox-at-scale measurements (docs/inbox-at-scale.md):
///   dotnet run -c Release --project benchmarks/Benchmarks -- seed-inbox sqlite:/tmp/inbox.db 1000000
///   dotnet run -c Release --project benchmarks/Benchmarks -- seed-inbox "postgres:Host=…;Database=…" 1000000
/// The schema comes from the app's own migrations. Ten teams of different sizes (team-helbred, the one the scripts
/// read, is the largest at ~18 %), received evenly over five years up to today; the texts are the letters citizens
/// write (aktindsigt, klage, fristforlængelse, plain answers) screened once each by the real screener, so the flags,
/// due dates and flag JSON look like ingested ones. Replies older than a month are almost all handled and screened;
/// the last month's are partly open — a team's unhandled list is a few thousand replies, as in a real office.
/// Bulk loading: SQLite in one transaction with one prepared statement (the count and FTS5 triggers run per row);
/// PostgreSQL with binary COPY, the count trigger disabled for the load and the counts recomputed in the same
/// transaction (a million updates of ten hot rows in one transaction would each leave a dead row version behind).
/// </summary>
public static class InboxSeeder
{
    private static readonly (string Team, int Weight)[] Teams =
    [
        ("team-helbred", 18), ("team-udland", 14), ("team-koereskoler", 12), ("team-postmodtagelse", 11), ("team-erhverv", 10),
        ("team-syn", 9), ("team-kort", 8), ("team-tilsyn", 7), ("team-klage", 6), ("team-borger", 5),
    ];

    private static readonly string[] Letters =
    [
        "Tak for brevet. Hermed den ønskede lægeerklæring fra min egen læge.",
        "Jeg vil gerne have aktindsigt i min sag og alle dokumenter, I har lagt vægt på.",
        "Jeg er uenig i afgørelsen og vil klage over den. Jeg har kørt i 30 år uden uheld.",
        "Jeg beder om fristforlængelse, da jeg er i udlandet til og med næste måned.",
        "Hvornår kan jeg forvente at høre fra jer? Jeg har ventet længe på et svar.",
        "Vedlagt kopi af mit kørekort og attesten fra optikeren, som I bad om.",
        "Jeg kan ikke nå at sende papirerne inden fristen, kan jeg få en uge mere?",
        "Jeg ønsker at klage over sagsbehandlingen, som har taget alt for lang tid.",
        "Min læge har sendt journalen direkte til jer. Giv besked, hvis der mangler noget.",
        "Jeg har flyttet adresse, brevet skal sendes til min nye adresse i Aarhus.",
        "Kan I oplyse, hvilke dokumenter der ligger i min sag? Jeg vil se dem alle.",
        "Tak, jeg har modtaget afgørelsen og har ingen bemærkninger.",
    ];

    private static readonly string[] Names = ["Anne Hansen", "Peter Nielsen", "Mette Jensen", "Søren Pedersen", "Lise Andersen", "Jørgen Larsen", "Birgit Sørensen", "Ole Rasmussen"];

    private sealed record Template(string Text, string FlagsJson, bool Access, bool Complaint, bool Deadline, bool Manual, int? DueInDays);

    public static async Task<int> RunAsync(string target, int count)
    {
        var (postgres, config) = DatabaseTarget.Parse(target);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDatabase(config);
        services.AddCalendar(config);
        services.AddScreening(config);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Database.MigrateAsync();
        var templates = Screen(scope.ServiceProvider.GetRequiredService<ReplyScreener>());

        var started = System.Diagnostics.Stopwatch.StartNew();
        var rows = Generate(count, templates, DateTime.UtcNow.Date);
        if (postgres) await CopyPostgresAsync(db, rows);
        else await InsertSqliteAsync(db, rows);
        Console.WriteLine($"seeded {count:N0} replies into {(postgres ? "PostgreSQL" : "SQLite")} in {started.Elapsed.TotalSeconds:F0} s");
        foreach (var c in await db.Set<SmartPost.Api.Teams.TeamReplyCount>().OrderBy(c => c.Team).ThenBy(c => c.IsHandled).ToListAsync())
            Console.WriteLine($"  {c.Team,-22} {(c.IsHandled ? "handled" : "unhandled"),-9} {c.Total,9:N0}");
        return 0;
    }

    /// <summary>Each letter through the real screener once (received on a Monday), kept as flags + due-date offset.</summary>
    private static List<Template> Screen(ReplyScreener screener)
    {
        var receivedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        return Letters.Select(text =>
        {
            var result = screener.Screen("Sv: Afgørelse", text, new ScreeningContext(receivedAt));
            var due = result.Flags.Where(f => f.DueDate is not null).Select(f => f.DueDate).Min();
            return new Template(text, JsonConvert.SerializeObject(result.Flags, ReplyIngest.FlagJson),
                result.Has(FlagKind.AccessToRecordsRequest), result.Has(FlagKind.Complaint), result.Has(FlagKind.DeadlineExtensionRequest),
                result.NeedsManualScreening, due is { } d ? d.DayNumber - DateOnly.FromDateTime(receivedAt.UtcDateTime).DayNumber : null);
        }).ToList();
    }

    private static IEnumerable<Reply> Generate(int count, List<Template> templates, DateTime today)
    {
        var random = new Random(42);
        var totalWeight = Teams.Sum(t => t.Weight);
        var span = TimeSpan.FromDays(5 * 365).TotalMinutes;
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(totalWeight);
            var team = Teams.First(t => (pick -= t.Weight) < 0).Team;
            var received = today.AddMinutes(-random.NextDouble() * span);
            var ageDays = (today - received).TotalDays;
            var template = templates[random.Next(templates.Count)];
            var caseNumber = $"FS-{received.Year}-{random.Next(1, 99999):D5}";
            var subject = $"Sv: Afgørelse i sag {caseNumber}";
            var text = $"{template.Text}\n\nMed venlig hilsen\n{Names[random.Next(Names.Length)]}";
            // Older than a month: handled (a few stragglers stay open); the last month is worked down gradually.
            var handled = ageDays > 30 ? random.Next(1000) != 0 : random.NextDouble() < ageDays / 40;
            var screened = handled || ageDays > 2 && random.Next(10) != 0;
            DateOnly? due = template.DueInDays is { } days ? DateOnly.FromDateTime(received).AddDays(days) : null;
            yield return new Reply
            {
                SourceKey = $"doc:seed-{i}", DocumentId = $"seed-{i}", Label = "Svar på brev", Team = team, CaseNumber = caseNumber,
                Routing = ReplyRouting.ReplyData, RoutingReason = "Svar på forsendelse (ReplyData).", ReceivedAt = received,
                IngestedAt = received.AddSeconds(2), Subject = subject, Text = text, SearchText = ReplySearchText.Build(subject, text),
                SenderIdType = "CPR", SenderId = $"{random.Next(1, 29):D2}{random.Next(1, 13):D2}{random.Next(40, 100):D2}{random.Next(1000, 9999):D4}",
                NeedsManualScreening = template.Manual,
                ManualScreeningReason = template.Manual ? "Screeningen kunne ikke afgøre svaret sikkert." : null,
                HasAccessToRecordsRequest = template.Access, HasComplaint = template.Complaint, HasDeadlineExtensionRequest = template.Deadline,
                FlagsJson = template.FlagsJson, DueDate = due, SortDueDate = due ?? Reply.NoDueDate,
                ScreenedAt = screened ? received.AddHours(20) : null, ScreenedBy = screened ? "cw-screener" : null,
                IsHandled = handled, HandledBy = handled ? "cw-seed" : null, HandledAt = handled ? received.AddDays(3) : null,
                Version = handled ? 2 : 0,
            };
        }
    }

    private static readonly string[] Columns =
    [
        "SourceKey", "DocumentId", "Label", "Team", "CaseNumber", "Routing", "RoutingReason", "ReceivedAt", "IngestedAt", "Subject",
        "Text", "SearchText", "SenderIdType", "SenderId", "NeedsManualScreening", "ManualScreeningReason", "HasAccessToRecordsRequest",
        "HasComplaint", "HasDeadlineExtensionRequest", "FlagsJson", "DueDate", "SortDueDate", "ScreenedAt", "ScreenedBy", "IsHandled",
        "HandledBy", "HandledAt", "Version",
    ];

    private static object?[] Values(Reply r) =>
    [
        r.SourceKey, r.DocumentId, r.Label, r.Team, r.CaseNumber, r.Routing.ToString(), r.RoutingReason, r.ReceivedAt, r.IngestedAt, r.Subject,
        r.Text, r.SearchText, r.SenderIdType, r.SenderId, r.NeedsManualScreening, r.ManualScreeningReason, r.HasAccessToRecordsRequest,
        r.HasComplaint, r.HasDeadlineExtensionRequest, r.FlagsJson, r.DueDate, r.SortDueDate, r.ScreenedAt, r.ScreenedBy, r.IsHandled,
        r.HandledBy, r.HandledAt, r.Version,
    ];

    /// <summary>
    /// One transaction, one prepared INSERT. Microsoft.Data.Sqlite binds DateTime and DateOnly as the same text EF
    /// writes ("yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd"), so the rows sort and compare like ingested ones.
    /// </summary>
    private static async Task InsertSqliteAsync(AppDb db, IEnumerable<Reply> rows)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        // A page cache the size of the indexes: random-order index inserts otherwise spill to the WAL page by page.
        await Execute(connection, "PRAGMA cache_size = -2000000");
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO \"Replies\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
        insert.Prepare();
        var n = 0;
        foreach (var row in rows)
        {
            var values = Values(row);
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
            if (++n % 100_000 == 0) Console.WriteLine($"  {n:N0}");
        }
        await tx.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task CopyPostgresAsync(AppDb db, IEnumerable<Reply> rows)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await Execute(connection, "ALTER TABLE \"Replies\" DISABLE TRIGGER \"TR_Replies_TeamReplyCounts\"");
            var types = new NpgsqlDbType?[]
            {
                NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
                NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
                NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.Boolean, NpgsqlDbType.Boolean,
                NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Date, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Boolean,
                NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer,
            };
            await using (var copy = await connection.BeginBinaryImportAsync(
                $"COPY \"Replies\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
            {
                var n = 0;
                foreach (var row in rows)
                {
                    await copy.StartRowAsync();
                    var values = Values(row);
                    for (var i = 0; i < values.Length; i++)
                    {
                        if (values[i] is null) await copy.WriteNullAsync();
                        else await copy.WriteAsync(values[i], types[i]!.Value);
                    }
                    if (++n % 100_000 == 0) Console.WriteLine($"  {n:N0}");
                }
                await copy.CompleteAsync();
            }
            await Execute(connection, "ALTER TABLE \"Replies\" ENABLE TRIGGER \"TR_Replies_TeamReplyCounts\"");
            await Execute(connection, InboxAtScale.RecountSql);
            await tx.CommitAsync();
        }
        await Execute(connection, "VACUUM ANALYZE \"Replies\"");
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
