using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Teams.Migrations;

/// <summary>
/// An inbox that stays flat at a million replies (docs/inbox-at-scale.md):
/// <list type="bullet">
/// <item>TeamReplyCounts, kept by triggers on Replies, so the inbox totals are one or two row reads instead of a count
/// over the team's replies on every page. Triggers rather than application code: every writer (ingest, state changes,
/// bulk tools) keeps the counts right in its own transaction without knowing about them.</item>
/// <item>A word index for shared searches: FTS5 on SQLite (an external-content table over Replies.SearchText, kept by
/// triggers) and a pg_trgm GIN index on PostgreSQL, which answers the existing LIKE '% word %' from the index.</item>
/// </list>
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261206090000_InboxAtScale")]
public sealed class InboxAtScale : Migration
{
    private static readonly string[] Flags = ["AccessToRecordsRequest", "Complaint", "DeadlineExtensionRequest", "NeedsManualScreening"];

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("TeamReplyCounts", t => new
        {
            Team = t.Column<string>(nullable: false),
            IsHandled = t.Column<bool>(nullable: false),
            Total = t.Column<int>(nullable: false),
            AccessToRecordsRequest = t.Column<int>(nullable: false),
            Complaint = t.Column<int>(nullable: false),
            DeadlineExtensionRequest = t.Column<int>(nullable: false),
            NeedsManualScreening = t.Column<int>(nullable: false),
            Unscreened = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_TeamReplyCounts", x => new { x.Team, x.IsHandled }));

        m.Sql(RecountSql);

        if (m.IsNpgsql()) UpPostgres(m);
        else UpSqlite(m);
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.IsNpgsql())
        {
            m.Sql("""
                DROP INDEX IF EXISTS "IX_Replies_SearchText_Trgm";
                DROP TRIGGER IF EXISTS "TR_Replies_TeamReplyCounts" ON "Replies";
                DROP FUNCTION IF EXISTS "Replies_CountForTeam"();
                """);
        }
        else
        {
            m.Sql("""
                DROP TRIGGER IF EXISTS "TR_Replies_Search_Insert";
                DROP TRIGGER IF EXISTS "TR_Replies_Search_Delete";
                DROP TRIGGER IF EXISTS "TR_Replies_Search_Update";
                DROP TABLE IF EXISTS "ReplySearch";
                DROP TRIGGER IF EXISTS "TR_Replies_Counts_Insert";
                DROP TRIGGER IF EXISTS "TR_Replies_Counts_Delete";
                DROP TRIGGER IF EXISTS "TR_Replies_Counts_Update";
                """);
        }
        m.DropTable("TeamReplyCounts");
    }

    /// <summary>
    /// Sets every team's counts from the replies themselves: the back-fill here, and after a bulk load that ran with the
    /// count trigger disabled (benchmarks' seed-inbox on PostgreSQL).
    /// </summary>
    public static readonly string RecountSql = $"""
        DELETE FROM "TeamReplyCounts";
        INSERT INTO "TeamReplyCounts" ("Team", "IsHandled", "Total", {Columns(Flags)}, "Unscreened")
        SELECT "Team", "IsHandled", COUNT(*), {string.Join(", ", Flags.Select(f => $"SUM(CASE WHEN {ReplyColumn(f)} THEN 1 ELSE 0 END)"))},
               SUM(CASE WHEN "ScreenedAt" IS NULL THEN 1 ELSE 0 END)
        FROM "Replies" GROUP BY "Team", "IsHandled";
        """;

    /// <summary>The columns whose change moves a reply between count rows or flag totals.</summary>
    private const string CountedColumns =
        "\"Team\", \"IsHandled\", \"HasAccessToRecordsRequest\", \"HasComplaint\", \"HasDeadlineExtensionRequest\", \"NeedsManualScreening\", \"ScreenedAt\"";

    private static void UpSqlite(MigrationBuilder m)
    {
        // SQLite stores booleans as 0/1, so a flag column is its own count.
        string Add(string row) => $"""
            INSERT INTO "TeamReplyCounts" ("Team", "IsHandled", "Total", {Columns(Flags)}, "Unscreened")
            VALUES ({row}."Team", {row}."IsHandled", 1, {string.Join(", ", Flags.Select(f => $"{row}.{ReplyColumn(f)}"))}, {row}."ScreenedAt" IS NULL)
            ON CONFLICT ("Team", "IsHandled") DO UPDATE SET "Total" = "Total" + 1,
            {string.Join(", ", Flags.Select(f => $"\"{f}\" = \"{f}\" + excluded.\"{f}\""))}, "Unscreened" = "Unscreened" + excluded."Unscreened";
            """;
        string Remove(string row) => $"""
            UPDATE "TeamReplyCounts" SET "Total" = "Total" - 1,
            {string.Join(", ", Flags.Select(f => $"\"{f}\" = \"{f}\" - {row}.{ReplyColumn(f)}"))}, "Unscreened" = "Unscreened" - ({row}."ScreenedAt" IS NULL)
            WHERE "Team" = {row}."Team" AND "IsHandled" = {row}."IsHandled";
            """;
        m.Sql($"""
            CREATE TRIGGER "TR_Replies_Counts_Insert" AFTER INSERT ON "Replies" BEGIN {Add("NEW")} END;
            CREATE TRIGGER "TR_Replies_Counts_Delete" AFTER DELETE ON "Replies" BEGIN {Remove("OLD")} END;
            CREATE TRIGGER "TR_Replies_Counts_Update" AFTER UPDATE OF {CountedColumns} ON "Replies" BEGIN {Remove("OLD")} {Add("NEW")} END;
            """);

        // The folded search text is letters and digits between single spaces, so FTS5's unicode61 tokens are exactly
        // its words (diacritics kept: folding already happened in ReplySearchText).
        m.Sql("""
            CREATE VIRTUAL TABLE "ReplySearch" USING fts5("SearchText", content='Replies', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
            INSERT INTO "ReplySearch" ("ReplySearch") VALUES ('rebuild');
            CREATE TRIGGER "TR_Replies_Search_Insert" AFTER INSERT ON "Replies" BEGIN
              INSERT INTO "ReplySearch" (rowid, "SearchText") VALUES (NEW."Id", NEW."SearchText");
            END;
            CREATE TRIGGER "TR_Replies_Search_Delete" AFTER DELETE ON "Replies" BEGIN
              INSERT INTO "ReplySearch" ("ReplySearch", rowid, "SearchText") VALUES ('delete', OLD."Id", OLD."SearchText");
            END;
            CREATE TRIGGER "TR_Replies_Search_Update" AFTER UPDATE OF "SearchText" ON "Replies" BEGIN
              INSERT INTO "ReplySearch" ("ReplySearch", rowid, "SearchText") VALUES ('delete', OLD."Id", OLD."SearchText");
              INSERT INTO "ReplySearch" (rowid, "SearchText") VALUES (NEW."Id", NEW."SearchText");
            END;
            """);
    }

    private static void UpPostgres(MigrationBuilder m)
    {
        string Add(string row) => $"""
            INSERT INTO "TeamReplyCounts" ("Team", "IsHandled", "Total", {Columns(Flags)}, "Unscreened")
            VALUES ({row}."Team", {row}."IsHandled", 1, {string.Join(", ", Flags.Select(f => $"{row}.{ReplyColumn(f)}::int"))}, ({row}."ScreenedAt" IS NULL)::int)
            ON CONFLICT ("Team", "IsHandled") DO UPDATE SET "Total" = "TeamReplyCounts"."Total" + 1,
            {string.Join(", ", Flags.Select(f => $"\"{f}\" = \"TeamReplyCounts\".\"{f}\" + EXCLUDED.\"{f}\""))},
            "Unscreened" = "TeamReplyCounts"."Unscreened" + EXCLUDED."Unscreened";
            """;
        string Remove(string row) => $"""
            UPDATE "TeamReplyCounts" SET "Total" = "Total" - 1,
            {string.Join(", ", Flags.Select(f => $"\"{f}\" = \"{f}\" - {row}.{ReplyColumn(f)}::int"))}, "Unscreened" = "Unscreened" - ({row}."ScreenedAt" IS NULL)::int
            WHERE "Team" = {row}."Team" AND "IsHandled" = {row}."IsHandled";
            """;
        // A reply that moves between count rows (handled / undone) locks both; taking them in key order means two
        // such moves in opposite directions wait for each other instead of deadlocking.
        m.Sql($$"""
            CREATE FUNCTION "Replies_CountForTeam"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                {{Add("NEW")}}
              ELSIF TG_OP = 'DELETE' THEN
                {{Remove("OLD")}}
              ELSIF (OLD."Team", OLD."IsHandled") <= (NEW."Team", NEW."IsHandled") THEN
                {{Remove("OLD")}}
                {{Add("NEW")}}
              ELSE
                {{Add("NEW")}}
                {{Remove("OLD")}}
              END IF;
              RETURN NULL;
            END
            $body$;
            CREATE TRIGGER "TR_Replies_TeamReplyCounts" AFTER INSERT OR DELETE OR UPDATE OF {{CountedColumns}} ON "Replies"
              FOR EACH ROW EXECUTE FUNCTION "Replies_CountForTeam"();
            """);

        // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
        m.Sql("""
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE INDEX "IX_Replies_SearchText_Trgm" ON "Replies" USING gin ("SearchText" gin_trgm_ops);
            """);
    }

    private static string Columns(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    /// <summary>The Replies column behind a count column: the flags are "Has…" there, except NeedsManualScreening.</summary>
    private static string ReplyColumn(string flag) => flag == "NeedsManualScreening" ? $"\"{flag}\"" : $"\"Has{flag}\"";
}
