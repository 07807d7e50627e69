using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Memo;
using SmartPost.Api.Recipients;
using SmartPost.Api.WorkZone;

namespace SmartPost.Api.Replies;

/// <summary>Incoming citizen replies: ingest, detail, history.</summary>
[ApiController]
[Route("api/v1/replies")]
public sealed class RepliesController(
    ReplyIngest ingest, ReplyAccess access, AppDb db, TimeProvider clock, IOptions<RepliesOptions> options) : ControllerBase
{
    public const long MaxMessageBytes = 10 * 1024 * 1024;

    /// <summary>Ingests a reply already journalized in WorkZone. Same documentId again → 200 with the stored reply.</summary>
    [HttpPost]
    [Consumes("application/json")]
    [RequestSizeLimit(MaxMessageBytes)]
    [SwaggerOperation(Summary = "Modtag et svar (JSON eller MeMo XML)",
        Description = "JSON: a reply already journalized in WorkZone (idempotent on documentId). application/xml: a MeMo 1.1 "
            + "message as Digital Post delivers it (idempotent on messageUUID; documents text/plain, text/html, .docx; a PDF is "
            + "stored and flagged for manual screening). Links the reply to its case/team (the answered dispatch in MeMo ReplyData, "
            + "given team, case number, case number in the text, or the default team), screens it and stores it once: 201 the first time, 200 on "
            + "redelivery (a caller outside the reply's team gets only {id, created}). Any caseworker (the ingest service). "
            + "400: invalid field or sender id, malformed XML (with line/position) or a DTD; 413: over 10 MB; "
            + "503 with Retry-After: too many deliveries at once (nothing stored; send it again after Retry-After).")]
    [SwaggerRawBody("application/xml", MemoReplyExample.Xml,
        Description = "application/json: a journalized reply; application/xml (or text/xml): a MeMo 1.1 message.")]
    [ProducesResponseType<IngestResult>(201)]
    [ProducesResponseType<IngestResult>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(413)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<ActionResult<IngestResult>> IngestJson([FromBody] JsonReplyRequest request, CancellationToken ct)
    {
        string? senderId = null;
        if (request.Sender is { IdType: { } type } sender)
        {
            if (!RecipientId.IsValid(type, sender.Id))
            {
                ModelState.AddModelError("sender.id", $"Ugyldigt {type}-nummer.");
                return ValidationProblem(ModelState);
            }
            senderId = RecipientId.Normalize(type, sender.Id);
        }

        var incoming = new IncomingReply(
            $"doc:{request.DocumentId.Trim()}", null, request.DocumentId.Trim(), null, null,
            Blank(request.CaseNumber), Blank(request.Team), request.ReceivedAt ?? clock.GetUtcNow(),
            request.Subject, request.Text, request.Sender?.IdType?.ToString(), senderId, [], null);
        return await StoreAsync(incoming, ct);
    }

    /// <summary>Ingests a MeMo 1.1 message as Digital Post delivers a citizen's reply. Same messageUUID again → 200.</summary>
    [HttpPost]
    [Consumes("application/xml", "text/xml")]
    // Swagger cannot show two operations on one path+verb; the JSON operation's description covers the XML form.
    [ApiExplorerSettings(IgnoreApi = true)]
    [RequestSizeLimit(MaxMessageBytes)]
    [SwaggerOperation(Summary = "Modtag et svar (MeMo XML)",
        Description = "Reads MessageHeader (messageUUID, label, sender, ReplyData, ContentData caseID) and the documents (text/plain, text/html, .docx; PDF is stored and flagged for manual screening). Malformed XML → 400 with line/position; DTDs are rejected; > 10 MB → 413.")]
    [ProducesResponseType<IngestResult>(201)]
    [ProducesResponseType<IngestResult>(200)]
    public async Task<ActionResult<IngestResult>> IngestMemo(CancellationToken ct)
    {
        // The reader is synchronous; buffer the (size-limited) body first so no synchronous I/O hits the request.
        using var body = new MemoryStream();
        await Request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        MemoMessage message;
        try
        {
            message = MemoMessageReader.Read(body);
        }
        catch (MemoFormatException e)
        {
            var problem = Problem(statusCode: 400, title: "Ugyldig MeMo-meddelelse", detail: e.Message);
            if (problem.Value is ProblemDetails details)
            {
                details.Extensions["errorKind"] = e.Kind.ToString();
                if (e.Line is { } line) details.Extensions["line"] = line;
                if (e.Position is { } position) details.Extensions["position"] = position;
            }
            return problem;
        }
        return await StoreAsync(MemoReply.ToIncoming(message, clock.GetUtcNow(), options.Value), ct);
    }

    /// <summary>One reply with full text, flags and evidence, for members of its team. ETag header for If-Match.</summary>
    [HttpGet("{id:long}")]
    [SwaggerOperation(Summary = "Et svar",
        Description = "Full text, unmasked sender, flags with evidence and due dates, claim/screened/handled state, documents "
            + "and the WorkZone metadata sync state. The ETag header is the version for If-Match on the state changes. Members "
            + "of the reply's team only: 403 (fixed text) for others, 404 when no reply has the id.")]
    [ProducesResponseType<ReplyDetail>(200)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<ActionResult<ReplyDetail>> Get(long id, CancellationToken ct)
    {
        var (reply, denied) = await access.LoadAsync(this, id, ct);
        if (denied is not null) return denied;
        return await DetailAsync(this, db, reply!, clock, options.Value, ct);
    }

    /// <summary>Every change to the reply, oldest first.</summary>
    [HttpGet("{id:long}/history")]
    [SwaggerOperation(Summary = "Svarets historik",
        Description = "Every change to the reply, oldest first: received, screened, claimed, released, handled, undone (who and "
            + "when). Members of the reply's team only (403); 404 when no reply has the id.")]
    [ProducesResponseType<List<ReplyHistoryEntry>>(200)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<ActionResult<IReadOnlyList<ReplyHistoryEntry>>> History(long id, CancellationToken ct)
    {
        var (reply, denied) = await access.LoadAsync(this, id, ct);
        if (denied is not null) return denied;
        var events = await db.Set<ReplyEvent>().Where(e => e.ReplyId == reply!.Id).OrderBy(e => e.Id).ToListAsync(ct);
        return events.Select(e => new ReplyHistoryEntry(e.At, e.Actor, e.Kind.ToString(), e.Detail)).ToList();
    }

    internal static async Task<ActionResult<ReplyDetail>> DetailAsync(
        ControllerBase c, AppDb db, Reply reply, TimeProvider clock, RepliesOptions options, CancellationToken ct)
    {
        var documents = await db.Set<ReplyDocument>().Where(d => d.ReplyId == reply.Id).OrderBy(d => d.Id)
            .Select(d => new ReplyDocumentView(d.Id, d.FileName, d.MediaType, d.Content.Length, d.TextExtracted))
            .ToListAsync(ct);
        var sync = await MetadataSyncState.ForReplyAsync(db, reply.Id, ct);
        c.Response.Headers.ETag = reply.ETag;
        return ReplyViews.ToDetail(reply, clock.GetUtcNow().UtcDateTime, options.ClaimTimeout, sync, documents);
    }

    private async Task<ActionResult<IngestResult>> StoreAsync(IncomingReply incoming, CancellationToken ct)
    {
        var (reply, created) = await ingest.IngestAsync(incoming, User.UserId(), ct);
        // A redelivery answers with the stored reply. For a caller outside its team that would hand out someone
        // else's case number, flags and due date for any guessed document id: they get the receipt only.
        if (!created && !await access.IsMemberAsync(this, reply.Team, ct)) return Ok(new IngestReceipt(reply.Id, false));
        var result = ReplyViews.ToIngestResult(reply, created);
        return created ? CreatedAtAction(nameof(Get), new { id = reply.Id }, result) : Ok(result);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
