using System.ComponentModel.DataAnnotations;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Corrections;

/// <summary>Body of POST /api/v1/replies/{id}/corrections.</summary>
public sealed class CorrectionRequest
{
    /// <summary>AccessToRecordsRequest, Complaint, DeadlineExtensionRequest or SelfServiceExemptionRequest.</summary>
    [Required(ErrorMessage = "Vælg hvilken slags fund rettelsen gælder.")]
    public FlagKind? Kind { get; set; }

    /// <summary>Confirmed ("Bekræft"), Rejected ("Ikke aktindsigt") or Added ("Det er en klage").</summary>
    [Required(ErrorMessage = "Vælg om fundet bekræftes, afvises eller tilføjes.")]
    public CorrectionVerdict? Verdict { get; set; }

    /// <summary>Optional short note, kept with the correction and shown in the history.</summary>
    [StringLength(500, ErrorMessage = "Noten må højst være 500 tegn.")]
    public string? Note { get; set; }

    /// <summary>Swagger example: a caseworker rejects an aktindsigt finding.</summary>
    public static CorrectionRequest Example => new()
    {
        Kind = FlagKind.AccessToRecordsRequest, Verdict = CorrectionVerdict.Rejected, Note = "Borgeren spørger kun, hvad ordet betyder.",
    };
}
