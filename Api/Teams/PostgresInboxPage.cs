using Npgsql;
using NpgsqlTypes;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Teams;

/// <summary>
/// The plain inbox page (<see cref="PlainInboxPage.Serves"/>) on PostgreSQL: the team's counts and the page's rows in
/// one round trip, as two server-side prepared statements. On the two shared cores the PostgreSQL server's CPU per
/// page decides the team list's pages per second as much as the API's, and with EF's two queries it parsed and planned
/// both on every page (pg_stat_statements: 0.16 ms of planning per page, LIMIT as a parameter made the row query
/// re-plan each time) and answered two round trips. Here the limit is part of the SQL text (it is an int checked to
/// be 1–200, so at most a few hundred statement texts), so after PostgreSQL's first five runs of a statement its
/// generic plan serves, and a prepared statement stays on the pooled physical connection (Npgsql keeps it across
/// open and close). Same SQL as <see cref="PlainInboxPage"/> and <see cref="TeamReplyCount.ReadAsync"/> build for
/// PostgreSQL; a test compares the two on a PostgreSQL database.
/// </summary>
internal static class PostgresInboxPage
{
    public static async Task<(FlagTotals Totals, List<Reply> Rows, bool More)> ReadAsync(
        NpgsqlConnection connection, string team, string status, InboxCursor? after, int limit, CancellationToken ct)
    {
        var all = status == "all";
        await using var batch = new NpgsqlBatch(connection);
        var counts = new NpgsqlBatchCommand(all ? CountsAll : CountsUnhandled);
        counts.Parameters.Add(new NpgsqlParameter<string>("", NpgsqlDbType.Text) { TypedValue = team });
        batch.BatchCommands.Add(counts);
        var rows = new NpgsqlBatchCommand(RowsSql(all, after is not null, limit + 1));
        rows.Parameters.Add(new NpgsqlParameter<string>("", NpgsqlDbType.Text) { TypedValue = team });
        if (after is { } c)
        {
            rows.Parameters.Add(new NpgsqlParameter<DateOnly>("", NpgsqlDbType.Date) { TypedValue = c.SortDueDate });
            rows.Parameters.Add(new NpgsqlParameter<DateTime>("", NpgsqlDbType.TimestampTz) { TypedValue = c.ReceivedAt });
            rows.Parameters.Add(new NpgsqlParameter<long>("", NpgsqlDbType.Bigint) { TypedValue = c.Id });
        }
        batch.BatchCommands.Add(rows);
        // Prepares on the server once per physical connection; afterwards Npgsql finds the statements it already
        // prepared there and sends only Bind/Execute.
        await batch.PrepareAsync(ct);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        int total = 0, access = 0, complaint = 0, extension = 0, manual = 0, unscreened = 0;
        while (await reader.ReadAsync(ct))
        {
            total += reader.GetInt32(0);
            access += reader.GetInt32(1);
            complaint += reader.GetInt32(2);
            extension += reader.GetInt32(3);
            manual += reader.GetInt32(4);
            unscreened += reader.GetInt32(5);
        }
        await reader.NextResultAsync(ct);
        var page = new List<Reply>(limit + 1);
        while (await reader.ReadAsync(ct)) page.Add(ReadRow(reader));
        var more = page.Count > limit;
        if (more) page.RemoveAt(limit);
        return (new FlagTotals(total, access, complaint, extension, manual, unscreened), page, more);
    }

    /// <summary>The list columns (<see cref="InboxQuery.ListColumnsSelector"/>), in <see cref="Columns"/>' order.</summary>
    private static Reply ReadRow(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Team = r.GetString(1),
        ReceivedAt = r.GetDateTime(2),
        Subject = r.IsDBNull(3) ? null : r.GetString(3),
        CaseNumber = r.IsDBNull(4) ? null : r.GetString(4),
        SenderIdType = r.IsDBNull(5) ? null : r.GetString(5),
        SenderId = r.IsDBNull(6) ? null : r.GetString(6),
        FlagsJson = r.GetString(7),
        DueDate = r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
        SortDueDate = r.GetFieldValue<DateOnly>(9),
        NeedsManualScreening = r.GetBoolean(10),
        Routing = Enum.Parse<ReplyRouting>(r.GetString(11)),
        RoutingReason = r.GetString(12),
        ScreenedAt = r.IsDBNull(13) ? null : r.GetDateTime(13),
        ScreenedBy = r.IsDBNull(14) ? null : r.GetString(14),
        ClaimedBy = r.IsDBNull(15) ? null : r.GetString(15),
        ClaimedAt = r.IsDBNull(16) ? null : r.GetDateTime(16),
        IsHandled = r.GetBoolean(17),
        HandledBy = r.IsDBNull(18) ? null : r.GetString(18),
        HandledAt = r.IsDBNull(19) ? null : r.GetDateTime(19),
        Version = r.GetInt32(20),
    };

    private const string Columns = """
        "Id", "Team", "ReceivedAt", "Subject", "CaseNumber", "SenderIdType", "SenderId", "FlagsJson", "DueDate",
        "SortDueDate", "NeedsManualScreening", "Routing", "RoutingReason", "ScreenedAt", "ScreenedBy", "ClaimedBy",
        "ClaimedAt", "IsHandled", "HandledBy", "HandledAt", "Version"
        """;

    private const string CountColumns =
        """SELECT "Total", "AccessToRecordsRequest", "Complaint", "DeadlineExtensionRequest", "NeedsManualScreening", "Unscreened" FROM "TeamReplyCounts" """;

    private const string CountsAll = CountColumns + """WHERE "Team" = $1""";
    private const string CountsUnhandled = CountColumns + """WHERE "Team" = $1 AND "IsHandled" = FALSE""";

    /// <summary>
    /// The statement texts, built once per (status, cursor, limit): the same text each time keeps the server's
    /// prepared statement and Npgsql's look-up of it. "IsHandled = FALSE" as written, as the inbox index needs the
    /// equality (<see cref="InboxQuery.WithStatus"/>); the cursor as a row-value comparison, which PostgreSQL seeks in
    /// the index (<see cref="InboxQuery.After"/>).
    /// </summary>
    private static string RowsSql(bool all, bool afterCursor, int take) =>
        RowsSqlCache[(all ? 2 : 0) + (afterCursor ? 1 : 0), take] ??= BuildRowsSql(all, afterCursor, take);

    private static string BuildRowsSql(bool all, bool afterCursor, int take) =>
        $"""SELECT {Columns} FROM "Replies" WHERE "Team" = $1"""
        + (all ? "" : """ AND "IsHandled" = FALSE""")
        + (afterCursor ? """ AND ("SortDueDate", "ReceivedAt", "Id") > ($2, $3, $4)""" : "")
        + $""" ORDER BY "SortDueDate", "ReceivedAt", "Id" LIMIT {take}""";

    /// <summary>Statement texts per variant and row count (limit 1–200, so 2–201 rows); a race only builds a text twice.</summary>
    private static readonly string?[,] RowsSqlCache = new string?[4, 202];
}
