using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Replies;

/// <summary>Finds the reply behind an open document or mail (the add-in's "is this an incoming reply?").</summary>
[ApiController]
[Route("api/v1/replies")]
public sealed class ReplyLookupController(ReplyAccess access, AppDb db, TimeProvider clock, IOptions<RepliesOptions> options) : ControllerBase
{
    /// <summary>
    /// The reply registered under a WorkZone document id (or an Outlook mail's internetMessageId, which the add-in
    /// registers as the document id) or a Digital Post messageUUID. Exactly one of the two. Same rules as
    /// GET /replies/{id}: 404 when no reply has it, 403 (fixed text) when it belongs to another team.
    /// </summary>
    /// <param name="documentId">WorkZone document id, e.g. D2026-004711, or an internetMessageId.</param>
    /// <param name="messageUuid">The MeMo messageUUID of the citizen's reply.</param>
    [HttpGet]
    [SwaggerOperation(Summary = "Find et svar ud fra dokument-id eller MeMo-id",
        Description = "Query: exactly one of ?documentId=D2026-004790 (or an Outlook internetMessageId) or ?messageUuid=<MeMo "
            + "messageUUID>; 400 for none, both, or a malformed value. Answers like GET /replies/{id}: the reply detail for "
            + "members of its team, 403 (fixed text) for others, 404 when no reply has the key.")]
    [ProducesResponseType<ReplyDetail>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<ActionResult<ReplyDetail>> Find(
        [FromQuery] string? documentId, [FromQuery] string? messageUuid, CancellationToken ct)
    {
        var byDocument = string.IsNullOrWhiteSpace(documentId) ? null : documentId.Trim();
        var byMessage = string.IsNullOrWhiteSpace(messageUuid) ? null : messageUuid.Trim();
        if ((byDocument is null) == (byMessage is null))
        {
            ModelState.AddModelError(nameof(documentId), "Angiv enten documentId eller messageUuid.");
            return ValidationProblem(ModelState);
        }
        if (byDocument is { Length: > 500 }) ModelState.AddModelError(nameof(documentId), "Højst 500 tegn.");
        var uuid = Guid.Empty;
        if (byMessage is not null && !Guid.TryParse(byMessage, out uuid)) ModelState.AddModelError(nameof(messageUuid), "Ikke et UUID.");
        if (!ModelState.IsValid) return ValidationProblem(ModelState);

        // Both keys are the unique SourceKey the ingest stores ("doc:…" / "memo:…"), so this is one index seek.
        var key = byDocument is not null ? $"doc:{byDocument}" : $"memo:{uuid}";
        var id = await db.Set<Reply>().Where(r => r.SourceKey == key).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return ReplyAccess.NotFound(this, byDocument is not null
                ? "Intet svar med det dokument-id."
                : "Intet svar med det messageUUID.");
        }
        var (reply, denied) = await access.LoadAsync(this, id.Value, ct);
        if (denied is not null) return denied;
        return await RepliesController.DetailAsync(this, db, reply!, clock, options.Value, ct);
    }
}
