using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.WorkZone.Migrations;

/// <summary>The feed's last successful and last failed poll, shared by every instance for the health check and the lag metric.</summary>
[DbContext(typeof(AppDb))]
[Migration("20261206120100_WorkZoneFeedPolls")]
public sealed class WorkZoneFeedPolls : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTime>("LastPollAt", "WorkZoneFeedState", nullable: true);
        m.AddColumn<DateTime>("LastFailureAt", "WorkZoneFeedState", nullable: true);
        m.AddColumn<string>("LastFailure", "WorkZoneFeedState", maxLength: 200, nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("LastFailure", "WorkZoneFeedState");
        m.DropColumn("LastFailureAt", "WorkZoneFeedState");
        m.DropColumn("LastPollAt", "WorkZoneFeedState");
    }
}
