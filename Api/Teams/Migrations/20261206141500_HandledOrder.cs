using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Teams.Migrations;

/// <summary>The "Behandlet" view's index: one team's handled replies, newest handled first (see <see cref="HandledOrder"/>).</summary>
[DbContext(typeof(AppDb))]
[Migration("20261206141500_HandledOrder")]
public sealed class HandledOrderIndex : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateIndex(ReplyConfiguration.HandledIndex, "Replies", ["Team", "IsHandled", "HandledAt", "Id"]);

    protected override void Down(MigrationBuilder m) => m.DropIndex(ReplyConfiguration.HandledIndex, "Replies");
}
