using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Recipients.Migrations;

/// <summary>The embedded Digital Post exemption register.</summary>
[DbContext(typeof(AppDb))]
[Migration("20261122090100_DigitalPostRegister")]
public sealed class DigitalPostRegister : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DigitalPostExemptions",
            columns: table => new
            {
                IdType = table.Column<string>(maxLength: 3, nullable: false),
                Id = table.Column<string>(maxLength: 10, nullable: false),
                Exempt = table.Column<bool>(nullable: false),
                Since = table.Column<DateOnly>(nullable: true),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
                Source = table.Column<string>(maxLength: 200, nullable: false),
                ImportedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DigitalPostExemptions", x => new { x.IdType, x.Id }));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DigitalPostExemptions");
}
