using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Dispatch.Migrations;

/// <summary>
/// The letter version of a dispatch (hash of the letter's bytes) and the unique first-send key that makes a second
/// "Send" of the same version return the first dispatch. Existing rows keep null in both (NULLs do not collide).
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261206090000_DispatchLetterVersion")]
public sealed class DispatchLetterVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("LetterHash", "Dispatches", nullable: true);
        migrationBuilder.AddColumn<string>("FirstSendKey", "Dispatches", nullable: true);
        migrationBuilder.CreateIndex("IX_Dispatches_FirstSendKey", "Dispatches", "FirstSendKey", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Dispatches_FirstSendKey", "Dispatches");
        migrationBuilder.DropColumn("FirstSendKey", "Dispatches");
        migrationBuilder.DropColumn("LetterHash", "Dispatches");
    }
}
