using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Swashbuckle.AspNetCore.Annotations;

namespace SmartPost.Api.Screening;

/// <summary>Stateless screening of a reply's text: the same engine the reply ingest uses.</summary>
[ApiController]
[Route("api/v1/screening")]
public sealed class ScreeningController(ReplyScreener screener, TimeProvider clock) : ControllerBase
{
    /// <summary>Finds aktindsigt, complaints and extension requests in a reply, with evidence and due dates.</summary>
    /// <remarks>
    /// Example: <c>{ "subject": "Agtindsigt", "text": "Se emne.", "receivedAt": "2025-04-14T09:00:00+02:00" }</c>.
    /// Quoted text of our own letter (lines starting with "&gt;", text below "--- Oprindelig meddelelse ---") is ignored.
    /// Evidence offsets refer to the given subject or text ("field").
    /// </remarks>
    [HttpPost("analyze")]
    [SwaggerOperation(Summary = "Screen a reply for aktindsigt, klage and fristforlængelse", Tags = ["Screening"])]
    [ProducesResponseType<AnalyzeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public ActionResult<AnalyzeResponse> Analyze(AnalyzeRequest request)
    {
        var context = new ScreeningContext(request.ReceivedAt ?? clock.GetUtcNow(), request.DecisionNotifiedAt, null);
        var result = screener.Screen(request.Subject, request.Text!, context);
        return new AnalyzeResponse(result.Flags, result.NeedsManualScreening);
    }
}

/// <param name="Subject">The reply's subject, if any.</param>
/// <param name="Text">The reply's text (required; may include quoted text).</param>
/// <param name="ReceivedAt">When the reply was received (ISO 8601); null = now.</param>
/// <param name="DecisionNotifiedAt">Optional: when the answered decision was notified, for the appeal-deadline check.</param>
public sealed record AnalyzeRequest(
    [StringLength(1_000)] string? Subject,
    [Required(AllowEmptyStrings = true)] string? Text,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DecisionNotifiedAt);

/// <param name="Flags">What the reply asks for, with evidence and due dates; empty when nothing was found.</param>
/// <param name="NeedsManualScreening">True when there is no own text to screen.</param>
public sealed record AnalyzeResponse(IReadOnlyList<ScreeningFlag> Flags, bool NeedsManualScreening);
