using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Dispatch.Migrations;

/// <summary>
/// Indexes for routing catch-all replies: the newest dispatches to one recipient (sender CPR/CVR), and the
/// dispatches of a recent window (recipient names). A new migration rather than an edit of 20261122090000_Dispatches,
/// which existing databases have already applied.
/// </summary>
[DbContext(typeof(AppDb))]
[Migration("20261122093000_DispatchRecipientIndex")]
public sealed class DispatchRecipientIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_Dispatches_Recipient_CreatedAt", "Dispatches", ["RecipientIdType", "RecipientId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Dispatches_CreatedAt", "Dispatches", "CreatedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Dispatches_CreatedAt", "Dispatches");
        migrationBuilder.DropIndex("IX_Dispatches_Recipient_CreatedAt", "Dispatches");
    }
}
