using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Teams.Migrations;

/// <summary>Team screening rota: weekday assignments, ordered substitutes, absences (see RotaEntities.cs).</summary>
[DbContext(typeof(AppDb))]
[Migration("20261122092000_TeamRota")]
public sealed class AddTeamRota : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TeamRotas",
            columns: table => new
            {
                Team = table.Column<string>(maxLength: 100, nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 200, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TeamRotas", x => x.Team));

        migrationBuilder.CreateTable(
            name: "TeamRotaWeekdays",
            columns: table => new
            {
                Team = table.Column<string>(maxLength: 100, nullable: false),
                Weekday = table.Column<int>(nullable: false),
                Person = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TeamRotaWeekdays", x => new { x.Team, x.Weekday });
                table.ForeignKey("FK_TeamRotaWeekdays_TeamRotas_Team", x => x.Team, "TeamRotas", "Team", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TeamRotaSubstitutes",
            columns: table => new
            {
                Team = table.Column<string>(maxLength: 100, nullable: false),
                Position = table.Column<int>(nullable: false),
                Person = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TeamRotaSubstitutes", x => new { x.Team, x.Position });
                table.ForeignKey("FK_TeamRotaSubstitutes_TeamRotas_Team", x => x.Team, "TeamRotas", "Team", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TeamRotaAbsences",
            columns: table => new
            {
                Team = table.Column<string>(maxLength: 100, nullable: false),
                Position = table.Column<int>(nullable: false),
                Person = table.Column<string>(maxLength: 200, nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TeamRotaAbsences", x => new { x.Team, x.Position });
                table.ForeignKey("FK_TeamRotaAbsences_TeamRotas_Team", x => x.Team, "TeamRotas", "Team", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("TeamRotaAbsences");
        migrationBuilder.DropTable("TeamRotaSubstitutes");
        migrationBuilder.DropTable("TeamRotaWeekdays");
        migrationBuilder.DropTable("TeamRotas");
    }
}
