using System.ComponentModel.DataAnnotations;
using SmartPost.Api.Recipients;

namespace SmartPost.Api.Guidance;

/// <summary>A letter about to be sent with SmartPost.</summary>
public sealed class SuggestRequest
{
    /// <summary>The document title in WorkZone, e.g. "Afgørelse om aktindsigt i din kørekortsag".</summary>
    [Required(AllowEmptyStrings = false)]
    public string DocumentTitle { get; init; } = "";

    /// <summary>The WorkZone document type ("Afgørelse", "Brev" …), often null.</summary>
    public string? DocumentType { get; init; }

    /// <summary>The letter's plain text (Word's body.text).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Text { get; init; } = "";

    /// <summary>Who gets the letter; null when not yet known (then no exemption check).</summary>
    public SuggestRecipient? Recipient { get; init; }

    /// <summary>WorkZone's "case closed" flag.</summary>
    public bool? CaseClosed { get; init; }

    /// <summary>The option the caseworker has chosen so far: WithReply or WithoutReply.</summary>
    public ReplyOption? ChosenOption { get; init; }

    /// <summary>Swagger example: Team Helbred asks a citizen for a medical certificate.</summary>
    public static SuggestRequest Example => new()
    {
        DocumentTitle = "Anmodning om lægeerklæring",
        DocumentType = "Brev",
        Text = "Kære Mette Hansen\n\nFærdselsstyrelsen behandler din sag om fornyelse af dit kørekort. Vi beder dig sende en "
            + "lægeerklæring fra din egen læge senest den 15. december 2026.\n\nMed venlig hilsen\nTeam Helbred",
        Recipient = new SuggestRecipient { IdType = RecipientIdType.CPR, Id = "010190-1234" },
        CaseClosed = false,
        ChosenOption = ReplyOption.WithReply,
    };
}

public sealed class SuggestRecipient
{
    /// <summary>CPR (citizen) or CVR (company).</summary>
    [Required]
    public RecipientIdType? IdType { get; init; }

    /// <summary>CPR "DDMMYY-SSSS" (dash optional) or CVR (8 digits).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Id { get; init; } = "";

    /// <summary>Exempt from Digital Post; null: look it up in the register.</summary>
    public bool? DigitalPostExempt { get; init; }

    /// <summary>A special law keeps digital delivery mandatory even for exempt recipients.</summary>
    public bool? SpecialLawMandatesDigitalPost { get; init; }
}
