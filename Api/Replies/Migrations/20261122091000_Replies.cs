using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Replies.Migrations;

/// <summary>Replies, their documents and audit trail, team searches, and the document-metadata outbox.</summary>
[DbContext(typeof(AppDb))]
[Migration("20261122091000_Replies")]
public sealed class Replies : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Replies", t => new
        {
            Id = Identity(t),
            SourceKey = t.Column<string>(nullable: false),
            MessageUuid = t.Column<Guid>(nullable: true),
            DocumentId = t.Column<string>(nullable: true),
            Label = t.Column<string>(nullable: true),
            Team = t.Column<string>(nullable: false),
            CaseNumber = t.Column<string>(nullable: true),
            Routing = t.Column<string>(nullable: false),
            RoutingReason = t.Column<string>(nullable: false),
            AnsweredDispatchId = t.Column<Guid>(nullable: true),
            ReceivedAt = t.Column<DateTime>(nullable: false),
            IngestedAt = t.Column<DateTime>(nullable: false),
            Subject = t.Column<string>(nullable: true),
            Text = t.Column<string>(nullable: false),
            SenderIdType = t.Column<string>(nullable: true),
            SenderId = t.Column<string>(nullable: true),
            NeedsManualScreening = t.Column<bool>(nullable: false),
            ManualScreeningReason = t.Column<string>(nullable: true),
            HasAccessToRecordsRequest = t.Column<bool>(nullable: false),
            HasComplaint = t.Column<bool>(nullable: false),
            HasDeadlineExtensionRequest = t.Column<bool>(nullable: false),
            FlagsJson = t.Column<string>(nullable: false),
            DueDate = t.Column<DateOnly>(nullable: true),
            SortDueDate = t.Column<DateOnly>(nullable: false),
            ScreenedAt = t.Column<DateTime>(nullable: true),
            ScreenedBy = t.Column<string>(nullable: true),
            ClaimedBy = t.Column<string>(nullable: true),
            ClaimedAt = t.Column<DateTime>(nullable: true),
            IsHandled = t.Column<bool>(nullable: false),
            HandledBy = t.Column<string>(nullable: true),
            HandledAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Replies", x => x.Id));
        m.CreateIndex("IX_Replies_SourceKey", "Replies", "SourceKey", unique: true);
        m.CreateIndex("IX_Replies_Team_IsHandled_SortDueDate_ReceivedAt_Id", "Replies",
            ["Team", "IsHandled", "SortDueDate", "ReceivedAt", "Id"]);
        m.CreateIndex("IX_Replies_Team_ReceivedAt", "Replies", ["Team", "ReceivedAt"]);

        m.CreateTable("ReplyDocuments", t => new
        {
            Id = Identity(t),
            ReplyId = t.Column<long>(nullable: false),
            IsMain = t.Column<bool>(nullable: false),
            FileName = t.Column<string>(nullable: false),
            MediaType = t.Column<string>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            TextExtracted = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReplyDocuments", x => x.Id);
            t.ForeignKey("FK_ReplyDocuments_Replies_ReplyId", x => x.ReplyId, "Replies", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ReplyDocuments_ReplyId", "ReplyDocuments", "ReplyId");

        m.CreateTable("ReplyEvents", t => new
        {
            Id = Identity(t),
            ReplyId = t.Column<long>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Actor = t.Column<string>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            Detail = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReplyEvents", x => x.Id);
            t.ForeignKey("FK_ReplyEvents_Replies_ReplyId", x => x.ReplyId, "Replies", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ReplyEvents_ReplyId", "ReplyEvents", "ReplyId");

        m.CreateTable("TeamSearches", t => new
        {
            Id = Identity(t),
            Team = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            TermsJson = t.Column<string>(nullable: false),
            Flag = t.Column<string>(nullable: true),
            Status = t.Column<string>(nullable: false),
            Responsible = t.Column<string>(nullable: true),
            Substitute = t.Column<string>(nullable: true),
            CreatedBy = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_TeamSearches", x => x.Id));
        m.CreateIndex("IX_TeamSearches_Team", "TeamSearches", "Team");

        m.CreateTable("MetadataOutbox", t => new
        {
            Id = Identity(t),
            DeliveryKey = t.Column<Guid>(nullable: false),
            ReplyId = t.Column<long>(nullable: false),
            DocumentId = t.Column<string>(nullable: false),
            Handled = t.Column<bool>(nullable: false),
            HandledBy = t.Column<string>(nullable: true),
            HandledAt = t.Column<DateTime>(nullable: true),
            Status = t.Column<string>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            LastError = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            DeliveredAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_MetadataOutbox", x => x.Id));
        m.CreateIndex("IX_MetadataOutbox_DeliveryKey", "MetadataOutbox", "DeliveryKey", unique: true);
        m.CreateIndex("IX_MetadataOutbox_Status_NextAttemptAt", "MetadataOutbox", ["Status", "NextAttemptAt"]);
        m.CreateIndex("IX_MetadataOutbox_ReplyId", "MetadataOutbox", "ReplyId");

        m.CreateTable("DocumentMetadata", t => new
        {
            DocumentId = t.Column<string>(nullable: false),
            SmartPostHandled = t.Column<bool>(nullable: false),
            HandledBy = t.Column<string>(nullable: true),
            HandledAt = t.Column<DateTime>(nullable: true),
            LastDeliveryKey = t.Column<Guid>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DocumentMetadata", x => x.DocumentId));
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "DocumentMetadata", "MetadataOutbox", "TeamSearches", "ReplyEvents", "ReplyDocuments", "Replies" })
        {
            m.DropTable(table);
        }
    }

    /// <summary>An auto-numbered bigint key on both providers.</summary>
    private static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder t) =>
        t.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
