using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.WorkZone.Migrations;

/// <summary>The WorkZone feed's watermark; outbox rows gain a kind (handled, deadline, finding kinds), the acting caseworker and a value.</summary>
[DbContext(typeof(AppDb))]
[Migration("20261206090000_WorkZoneFeed")]
public sealed class WorkZoneFeed : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("WorkZoneFeedState", t => new
        {
            Name = t.Column<string>(nullable: false),
            Watermark = t.Column<string>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_WorkZoneFeedState", x => x.Name));

        m.AddColumn<string>("Kind", "MetadataOutbox", nullable: false, defaultValue: nameof(MetadataKind.Handled));
        m.AddColumn<string>("ActedBy", "MetadataOutbox", nullable: true);
        m.AddColumn<string>("Value", "MetadataOutbox", nullable: true);
        // Rows written before this migration were made by the caseworker who handled the reply.
        m.Sql("UPDATE \"MetadataOutbox\" SET \"ActedBy\" = \"HandledBy\"");
        m.CreateIndex("IX_MetadataOutbox_ReplyId_Kind", "MetadataOutbox", ["ReplyId", "Kind"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_MetadataOutbox_ReplyId_Kind", "MetadataOutbox");
        m.DropColumn("Value", "MetadataOutbox");
        m.DropColumn("ActedBy", "MetadataOutbox");
        m.DropColumn("Kind", "MetadataOutbox");
        m.DropTable("WorkZoneFeedState");
    }
}
