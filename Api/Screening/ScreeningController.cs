using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Swashbuckle.AspNetCore.Annotations;

namespace SmartPost.Api.Screening;

/// <summary>Stateless screening of a reply's text: the same engine the reply ingest uses.</summary>
[ApiController]
[Route("api/v1/screening")]
public sealed class ScreeningController(ReplyScreener screener, TimeProvider clock) : ControllerBase
{
    /// <summary>
    /// Finds aktindsigt, complaints, extension requests and requests to be exempted from digital self-service in a reply,
    /// each "Certain" or "Possible" (with a Danish reason), with evidence and due dates.
    /// </summary>
    /// <remarks>
    /// Example: <c>{ "subject": "Agtindsigt", "text": "Se emne.", "receivedAt": "2025-04-14T09:00:00+02:00" }</c>.
    /// Quoted text of our own letter (lines starting with "&gt;", text below "--- Oprindelig meddelelse ---") is ignored.
    /// Evidence offsets refer to the given subject or text ("field").
    /// </remarks>
    [HttpPost("analyze")]
    [SwaggerOperation(Summary = "Screen et svar for aktindsigt, klage, fristforlængelse og selvbetjening", Tags = ["Screening"])]
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
    DateTimeOffset? DecisionNotifiedAt)
{
    /// <summary>Swagger example: a complaint that also asks for aktindsigt, two weeks after the decision.</summary>
    public static AnalyzeRequest Example => new("Klage over afgørelse",
        "Jeg vil gerne klage over jeres afgørelse om mit kørekort og beder samtidig om aktindsigt i min sag.",
        new DateTimeOffset(2026, 11, 16, 9, 30, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(1)));
}

/// <param name="Flags">What the reply asks for, each Certain or Possible, with evidence and due dates; empty when nothing was found.</param>
/// <param name="NeedsManualScreening">True when there is no own text to screen.</param>
public sealed record AnalyzeResponse(IReadOnlyList<ScreeningFlag> Flags, bool NeedsManualScreening)
{
    private const string Aktindsigt7 = "Aktindsigt: afgørelse hurtigst muligt og inden 7 arbejdsdage, ellers fristbrev med begrundelse "
        + "og forventet tidspunkt (offentlighedsloven § 36, stk. 2).";
    private const string Klage7 = "Klage: klagen indgives til Færdselsstyrelsen, som genvurderer afgørelsen og, hvis den fastholdes, "
        + "videresender klagen til Trafikstyrelsen (intern frist 7 arbejdsdage).";

    /// <summary>Swagger example: the screener's answer to <see cref="AnalyzeRequest.Example"/> (14-day aktindsigt deadline left out).</summary>
    public static AnalyzeResponse Example => new(
        [
            new ScreeningFlag(FlagKind.AccessToRecordsRequest, AccessSubKind.Offentlighedsloven, [new Evidence("aktindsigt", 78, 10, "text")],
                new DateOnly(2026, 11, 25), Aktindsigt7, [new DueDate(new DateOnly(2026, 11, 25), Aktindsigt7, "AktindsigtAfgoerelse7")], null),
            new ScreeningFlag(FlagKind.Complaint, null, [new Evidence("Klage", 0, 5, "subject"), new Evidence("klage", 14, 5, "text")],
                new DateOnly(2026, 11, 25), Klage7 + " Klagen er modtaget 2026-11-16, inden for klagefristen 2026-11-30.",
                [
                    new DueDate(new DateOnly(2026, 11, 25), Klage7, "KlageGenvurderingOgVideresendelse"),
                    new DueDate(new DateOnly(2026, 11, 30), "Klagefrist: 4 uger fra meddelelsen af afgørelsen (2026-11-02); falder fristen "
                        + "på en weekend eller helligdag, løber den til næste arbejdsdag.", "Klagefrist"),
                ],
                true),
        ],
        false);
}
