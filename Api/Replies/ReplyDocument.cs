using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartPost.Api.Replies;

/// <summary>A file that came with a reply. Kept even when we cannot read it (PDF): never dropped.</summary>
public sealed class ReplyDocument
{
    public long Id { get; set; }
    public long ReplyId { get; set; }
    public Reply? Reply { get; set; }
    public bool IsMain { get; set; }
    public string FileName { get; set; } = "";
    public string MediaType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    /// <summary>False when no text could be extracted; the reply then needs manual screening.</summary>
    public bool TextExtracted { get; set; }
}

public sealed class ReplyDocumentConfiguration : IEntityTypeConfiguration<ReplyDocument>
{
    public void Configure(EntityTypeBuilder<ReplyDocument> e)
    {
        e.ToTable("ReplyDocuments");
        e.HasIndex(d => d.ReplyId);
        e.HasOne(d => d.Reply).WithMany().HasForeignKey(d => d.ReplyId).OnDelete(DeleteBehavior.Cascade);
    }
}
