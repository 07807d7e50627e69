using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Infrastructure.Telemetry;
using SmartPost.Api.Memo;

namespace SmartPost.Api.Dispatch;

public enum DispatchOutcome { Created, Replayed, KeyReusedWithDifferentRequest }

/// <summary>Records a dispatch and its MeMo message, safely retryable with an Idempotency-Key.</summary>
public sealed class DispatchService(AppDb db, TimeProvider clock, IOptions<DispatchOptions> options, ILogger<DispatchService> logger)
{
    private static readonly JsonSerializerSettings HashSettings = CreateHashSettings();

    public async Task<(DispatchOutcome Outcome, DispatchRecord? Dispatch)> CreateAsync(
        ValidDispatch request, DispatchRequest wire, string? idempotencyKey, string userId, CancellationToken cancellationToken)
    {
        var hash = RequestHash(wire, userId);
        if (idempotencyKey is not null && await FindByKeyAsync(idempotencyKey, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(earlier, hash, userId, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var dispatchId = Guid.NewGuid();
        var messageUuid = Guid.NewGuid();
        var memo = MemoMessageWriter.Write(DispatchMemo.Build(request, dispatchId, messageUuid, now, options.Value));
        var dispatch = new DispatchRecord
        {
            Id = dispatchId, MessageUuid = messageUuid, DocumentId = request.DocumentId, CaseNumber = request.CaseNumber,
            DocumentTitle = request.DocumentTitle, RecipientIdType = request.RecipientIdType, RecipientId = request.RecipientId,
            RecipientName = request.RecipientName, SuggestedOption = request.SuggestedOption, ChosenOption = request.ChosenOption,
            OverrideReason = request.OverrideReason, ReplyBy = request.ReplyBy, Team = request.Team, Category = request.Category,
            LetterFileName = request.LetterFileName, LetterContentType = request.LetterContentType,
            CreatedBy = userId, CreatedAt = now, MemoXml = memo, IdempotencyKey = idempotencyKey, RequestHash = hash,
        };
        db.Add(dispatch);
        db.Add(Audit(dispatch.Id, DispatchAuditEvent.Created, userId, now,
            $"{request.ChosenOption} (forslag {request.SuggestedOption}), dokument {request.DocumentId}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent request with the same key won the unique index: answer with its dispatch.
            db.ChangeTracker.Clear();
            var winner = await FindByKeyAsync(idempotencyKey, cancellationToken);
            if (winner is null) throw;
            return await ReplayAsync(winner, hash, userId, cancellationToken);
        }

        SmartPostTelemetry.Dispatches.Add(1, new KeyValuePair<string, object?>("option", dispatch.ChosenOption.ToString()));
        // The recipient id is masked: CPR numbers never go to logs.
        logger.LogInformation("Dispatch {DispatchId} recorded: {ChosenOption} to {IdType} {Recipient} on case {CaseNumber}",
            dispatch.Id, dispatch.ChosenOption, dispatch.RecipientIdType, DispatchViews.MaskedId(dispatch), dispatch.CaseNumber);
        return (DispatchOutcome.Created, dispatch);
    }

    private async Task<(DispatchOutcome, DispatchRecord?)> ReplayAsync(
        DispatchRecord earlier, string hash, string userId, CancellationToken cancellationToken)
    {
        if (earlier.RequestHash != hash) return (DispatchOutcome.KeyReusedWithDifferentRequest, earlier);
        db.Add(Audit(earlier.Id, DispatchAuditEvent.Replayed, userId, clock.GetUtcNow().UtcDateTime, "Samme Idempotency-Key og indhold"));
        await db.SaveChangesAsync(cancellationToken);
        return (DispatchOutcome.Replayed, earlier);
    }

    private Task<DispatchRecord?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.Set<DispatchRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.IdempotencyKey == key, cancellationToken);

    private static DispatchAuditEvent Audit(Guid dispatchId, string action, string actor, DateTime at, string detail) =>
        new() { Id = Guid.NewGuid(), DispatchId = dispatchId, Action = action, Actor = actor, At = at, Detail = detail };

    /// <summary>
    /// Fingerprint of who asked for what: the caller plus the request re-serialised canonically (fixed property
    /// order, camelCase), so whitespace or property order in the original body do not matter, values do.
    /// </summary>
    internal static string RequestHash(DispatchRequest request, string userId)
    {
        var canonical = userId + "\n" + JsonConvert.SerializeObject(request, HashSettings);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static JsonSerializerSettings CreateHashSettings()
    {
        var settings = new JsonSerializerSettings();
        ApiPlumbing.Configure(settings);
        settings.Formatting = Formatting.None;
        return settings;
    }
}
