using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Corrections.Migrations;

/// <summary>Caseworkers' corrections of screening findings (see <see cref="FindingCorrection"/>).</summary>
[DbContext(typeof(AppDb))]
[Migration("20261206120000_FindingCorrections")]
public sealed class FindingCorrections : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("FindingCorrections", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            ReplyId = t.Column<long>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            Verdict = t.Column<string>(nullable: false),
            FoundCertainty = t.Column<string>(nullable: true),
            By = t.Column<string>(nullable: false),
            ByName = t.Column<string>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Note = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_FindingCorrections", x => x.Id);
            t.ForeignKey("FK_FindingCorrections_Replies_ReplyId", x => x.ReplyId, "Replies", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_FindingCorrections_ReplyId_Kind_Id", "FindingCorrections", ["ReplyId", "Kind", "Id"]);
        m.CreateIndex("IX_FindingCorrections_At", "FindingCorrections", "At");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("FindingCorrections");
}
