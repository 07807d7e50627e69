using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;

namespace SmartPost.Api.WorkZone;

/// <summary>"Afventer synkronisering": whether a reply's mark reached WorkZone, and if not, why and what happens next.</summary>
[ApiController]
[Route("api/v1/replies/{id:long}/sync")]
public sealed class ReplySyncController(AppDb db, ReplyAccess access, WorkZoneStatus status, IOptions<WorkZoneOptions> options) : ControllerBase
{
    [HttpGet]
    [SwaggerOperation(Summary = "Synkroniseringsstatus for et svar",
        Description = "Whether \"SmartPost behandlet\" reached the metadata store (WorkZone, or the embedded store without WorkZone): "
            + "state (Synced, PendingSync, Failed, null when never changed), a Danish message saying why it waits (WorkZone not "
            + "answering, SmartPost's access refused) or was refused (WorkZone's reason), the next attempt, and the refused write "
            + "to retry. Members of the reply's team only (403); 404 when no reply has the id.")]
    [ProducesResponseType<ReplySyncView>(200)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<ActionResult<ReplySyncView>> Get(long id, CancellationToken ct)
    {
        var (reply, denied) = await access.LoadAsync(this, id, ct);
        if (denied is not null) return denied;
        var rows = await db.Set<MetadataOutboxMessage>().AsNoTracking().Where(m => m.ReplyId == reply!.Id)
            .OrderByDescending(m => m.Id).ToListAsync(ct);
        return ReplySyncReport.Describe(rows, options.Value.IsConfigured, status.Read().AuthRefusedSince);
    }
}
