using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Text;
using Swashbuckle.AspNetCore.Annotations;

namespace SmartPost.Api.Dispatch;

[ApiController]
[Route("api/v1")]
public sealed class DispatchesController(AppDb db, DispatchService dispatches, ITeamMembership teams, TimeProvider clock,
    IOptions<DispatchOptions> options) : ControllerBase
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Letters with attachments outgrow the 1 MB default; 10 MB of JSON carries about 7 MB of letter.</summary>
    private const long MaxDispatchBodyBytes = 10 * 1024 * 1024;

    /// <summary>Records the caseworker's final reply option for a letter and returns the outgoing MeMo 1.1 message.</summary>
    /// <param name="request">The letter, its recipient and the suggested and chosen reply options.</param>
    /// <param name="idempotencyKey">Optional; a retry with the same key and body returns the same dispatch.</param>
    [HttpPost("dispatches")]
    [RequestSizeLimit(MaxDispatchBodyBytes)]
    [SwaggerOperation(Summary = "Registrér en afsendelse og dan MeMo-beskeden",
        Description = "reply=true only for chosenOption WithReply; replyBy (yyyy-MM-dd, only with WithReply) becomes "
            + "replyByDateTime at the end of that Danish day in UTC. overrideReason is required when chosenOption differs "
            + "from suggestedOption. With an Idempotency-Key header a retry returns the same dispatch (200); the same key "
            + "with a different body gives 422. One dispatch per letter version: the same documentId, letter content and "
            + "chosenOption again returns the first dispatch (200, notice \"Allerede sendt … af …\", nothing recorded) "
            + "whatever the Idempotency-Key; resend: true with resendReason sends it again on purpose (audited). PhysicalMail also gets a MeMo message (reply=false) for the print dispatchers.")]
    [ProducesResponseType<DispatchResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<DispatchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Create([FromBody] DispatchRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(c => c < 0x21 || c > 0x7e)))
        {
            ModelState.AddModelError(IdempotencyHeader, "1-200 synlige ASCII-tegn.");
            return ValidationProblem(ModelState);
        }
        var today = DispatchMemo.Today(clock, options.Value.TimeZone);
        var (valid, errors) = DispatchRequestValidator.Validate(request, today, await teams.GetTeamsAsync(User, cancellationToken));
        if (valid is null)
        {
            return ValidationProblem(new ValidationProblemDetails(errors)
            {
                Title = "Ugyldig forespørgsel",
                Detail = "Et eller flere felter er ugyldige; intet er gemt. Rettelsen står ved hvert felt.",
                Status = StatusCodes.Status400BadRequest,
            });
        }

        var (outcome, dispatch) = await dispatches.CreateAsync(valid, request, idempotencyKey, User.UserId(), cancellationToken);
        return outcome switch
        {
            DispatchOutcome.Created => CreatedAtAction(nameof(Get), new { id = dispatch!.Id }, dispatch.ToResponse()),
            // A retry with the same key is a repeat too: the caseworker learns it was already sent, and when.
            DispatchOutcome.Replayed => Ok(dispatch!.ToResponse() with { Notice = AlreadySentNotice(dispatch!) }),
            // Only the sending team sees the earlier dispatch (recipient, MeMo); anyone else learns only that it was sent.
            DispatchOutcome.AlreadySent => await MayReadAsync(dispatch!, cancellationToken)
                ? Ok(dispatch!.ToResponse() with { Notice = AlreadySentNotice(dispatch!) })
                : Problem(statusCode: StatusCodes.Status409Conflict, title: "Brevet er allerede sendt",
                    detail: "Denne version af brevet er allerede sendt af et andet team. Intet nyt er registreret."),
            _ => Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key er brugt til en anden forespørgsel",
                detail: "Nøglen er allerede brugt til en afsendelse med et andet indhold. Brug en ny nøgle til en ny afsendelse."),
        };
    }

    /// <summary>One dispatch with its MeMo message, for members of the sending team (403 otherwise).</summary>
    [HttpGet("dispatches/{id:guid}")]
    [SwaggerOperation(Summary = "Én afsendelse",
        Description = "The recorded dispatch with its full MeMo message and unmasked recipient id. Members of the sending team "
            + "only (a dispatch recorded without a team: only the caseworker who recorded it); others get 403 with a fixed text. "
            + "404 when no dispatch has the id.")]
    [ProducesResponseType<DispatchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken)
    {
        var dispatch = await db.Set<DispatchRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dispatch is null) return NotFoundProblem(id);
        return await MayReadAsync(dispatch, cancellationToken) ? Ok(dispatch.ToResponse()) : ForbiddenProblem();
    }

    /// <summary>The audit trail of a dispatch: who recorded it and every idempotent retry. Sending team only.</summary>
    [HttpGet("dispatches/{id:guid}/audit")]
    [SwaggerOperation(Summary = "Afsendelsens historik",
        Description = "Oldest first: who recorded the dispatch and every idempotent replay (same Idempotency-Key). "
            + "Sending team only (403 otherwise); 404 when no dispatch has the id.")]
    [ProducesResponseType<List<DispatchAuditView>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Audit(Guid id, CancellationToken cancellationToken)
    {
        var dispatch = await db.Set<DispatchRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dispatch is null) return NotFoundProblem(id);
        if (!await MayReadAsync(dispatch, cancellationToken)) return ForbiddenProblem();
        var events = await db.Set<DispatchAuditEvent>().AsNoTracking().Where(e => e.DispatchId == id)
            .OrderBy(e => e.At).Select(e => new DispatchAuditView(e.Action, e.Actor, e.At, e.Detail)).ToListAsync(cancellationToken);
        return Ok(events);
    }

    /// <summary>A document's dispatch history, newest first (CPR numbers masked).</summary>
    /// <param name="documentId">WorkZone document id.</param>
    [HttpGet("dispatches")]
    [SwaggerOperation(Summary = "Find et dokuments afsendelser",
        Description = "Query: ?documentId=D2026-004711 (400 without it). The same list as GET /documents/{documentId}/dispatches: "
            + "the dispatches the caller's teams sent, newest first, CPR masked; an empty list when the document was never "
            + "dispatched; 403 when only other teams dispatched it.")]
    [ProducesResponseType<List<DispatchSummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public async Task<IActionResult> List([FromQuery] string? documentId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(documentId))
        {
            ModelState.AddModelError("documentId", "Angiv documentId.");
            return ValidationProblem(ModelState);
        }
        return await History(documentId.Trim(), cancellationToken);
    }

    /// <summary>A document's dispatch history, newest first (CPR numbers masked).</summary>
    [HttpGet("documents/{documentId}/dispatches")]
    [SwaggerOperation(Summary = "Et dokuments afsendelser",
        Description = "Every dispatch of the WorkZone document by the caller's teams, newest first, CPR masked (a document may "
            + "be dispatched again later). Empty list when it was never dispatched; 403 (fixed text) when only other teams did.")]
    [ProducesResponseType<List<DispatchSummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public Task<IActionResult> ForDocument(string documentId, CancellationToken cancellationToken) =>
        History(documentId.Trim(), cancellationToken);

    /// <summary>
    /// The dispatches of the document the caller's teams sent. None sent by them but some by another team → 403
    /// (fixed text, nothing about the other team's letters); no dispatch at all → an empty list.
    /// </summary>
    private async Task<IActionResult> History(string documentId, CancellationToken cancellationToken)
    {
        var list = await db.Set<DispatchRecord>().AsNoTracking().Where(d => d.DocumentId == documentId)
            .OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);
        var visible = new List<DispatchSummary>();
        foreach (var dispatch in list)
        {
            if (await MayReadAsync(dispatch, cancellationToken)) visible.Add(dispatch.ToSummary());
        }
        return list.Count > 0 && visible.Count == 0 ? ForbiddenProblem() : Ok(visible);
    }

    /// <summary>Members of the sending team; a dispatch recorded without a team only by the caseworker who recorded it.</summary>
    private async Task<bool> MayReadAsync(DispatchRecord dispatch, CancellationToken cancellationToken) => dispatch.Team is { } team
        ? await teams.IsMemberAsync(User, team, cancellationToken)
        : dispatch.CreatedBy == User.UserId();

    private static string AlreadySentNotice(DispatchRecord first) =>
        $"Allerede sendt {DanishTime.Format(first.CreatedAt)} af {first.CreatedBy}. Intet nyt er registreret; "
        + "skal brevet sendes igen, så vælg \"Send igen\" og skriv hvorfor.";

    private ObjectResult ForbiddenProblem() => Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Ingen adgang", detail: "Kun det afsendende teams sagsbehandlere har adgang.");

    private ObjectResult NotFoundProblem(Guid id) => Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Ikke fundet", detail: "Ingen afsendelse med det id.");
}
