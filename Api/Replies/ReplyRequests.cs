using System.ComponentModel.DataAnnotations;
using SmartPost.Api.Recipients;

namespace SmartPost.Api.Replies;

/// <summary>A reply already journalized in WorkZone (JSON form of POST /api/v1/replies).</summary>
public sealed class JsonReplyRequest
{
    /// <summary>WorkZone document id; the idempotency key.</summary>
    [Required(AllowEmptyStrings = false), StringLength(200)]
    public string DocumentId { get; set; } = "";

    [StringLength(100)]
    public string? CaseNumber { get; set; }

    [StringLength(100)]
    public string? Team { get; set; }

    /// <summary>When the reply arrived; now when omitted.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    [StringLength(1000)]
    public string? Subject { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string Text { get; set; } = "";

    public SenderRequest? Sender { get; set; }
}

public sealed class SenderRequest
{
    [Required]
    public RecipientIdType? IdType { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string Id { get; set; } = "";
}
