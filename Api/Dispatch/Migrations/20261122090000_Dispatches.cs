using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Dispatch.Migrations;

/// <summary>Dispatches (outgoing MeMo messages) and their audit trail.</summary>
[DbContext(typeof(AppDb))]
[Migration("20261122090000_Dispatches")]
public sealed class Dispatches : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Dispatches",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageUuid = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<string>(nullable: false),
                CaseNumber = table.Column<string>(nullable: false),
                DocumentTitle = table.Column<string>(nullable: false),
                RecipientIdType = table.Column<string>(maxLength: 3, nullable: false),
                RecipientId = table.Column<string>(nullable: false),
                RecipientName = table.Column<string>(nullable: false),
                SuggestedOption = table.Column<string>(maxLength: 20, nullable: false),
                ChosenOption = table.Column<string>(maxLength: 20, nullable: false),
                OverrideReason = table.Column<string>(nullable: true),
                ReplyBy = table.Column<DateOnly>(nullable: true),
                Team = table.Column<string>(nullable: true),
                Category = table.Column<string>(nullable: true),
                LetterFileName = table.Column<string>(nullable: false),
                LetterContentType = table.Column<string>(nullable: false),
                CreatedBy = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                MemoXml = table.Column<string>(nullable: false),
                IdempotencyKey = table.Column<string>(nullable: true),
                RequestHash = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Dispatches", x => x.Id));

        migrationBuilder.CreateIndex("IX_Dispatches_MessageUuid", "Dispatches", "MessageUuid", unique: true);
        // Unique so that two concurrent requests with the same key cannot both insert (NULLs do not collide).
        migrationBuilder.CreateIndex("IX_Dispatches_IdempotencyKey", "Dispatches", "IdempotencyKey", unique: true);
        migrationBuilder.CreateIndex("IX_Dispatches_DocumentId", "Dispatches", "DocumentId");
        migrationBuilder.CreateIndex("IX_Dispatches_CaseNumber_CreatedAt", "Dispatches", ["CaseNumber", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "DispatchAuditEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DispatchId = table.Column<Guid>(nullable: false),
                Action = table.Column<string>(nullable: false),
                Actor = table.Column<string>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Detail = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DispatchAuditEvents", x => x.Id);
                table.ForeignKey("FK_DispatchAuditEvents_Dispatches_DispatchId", x => x.DispatchId, "Dispatches", "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_DispatchAuditEvents_DispatchId_At", "DispatchAuditEvents", ["DispatchId", "At"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DispatchAuditEvents");
        migrationBuilder.DropTable("Dispatches");
    }
}
