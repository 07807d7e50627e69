using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Infrastructure.Telemetry;
using SmartPost.Api.Memo;
using SmartPost.Api.Text;

namespace SmartPost.Api.Dispatch;

public enum DispatchOutcome { Created, Replayed, KeyReusedWithDifferentRequest, AlreadySent }

/// <summary>
/// Records a dispatch and its MeMo message. One dispatch per letter version: the same document, letter content and
/// chosen option again is answered with the first dispatch whatever its Idempotency-Key (two clicks on "Send", a
/// second pane), unless the caseworker re-sends on purpose with a reason. The Idempotency-Key still makes a retry
/// of the very same request safe.
/// </summary>
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

        var letterHash = Convert.ToHexString(SHA256.HashData(request.LetterContent));
        var firstSendKey = FirstSendKeyOf(request.DocumentId, letterHash, request.ChosenOption.ToString());
        var first = await FindFirstSendAsync(firstSendKey, cancellationToken);
        if (first is not null && !request.IsResend) return (DispatchOutcome.AlreadySent, first);

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
            LetterHash = letterHash, FirstSendKey = first is null ? firstSendKey : null,
        };
        db.Add(dispatch);
        db.Add(Audit(dispatch.Id, DispatchAuditEvent.Created, userId, now,
            $"{request.ChosenOption} (forslag {request.SuggestedOption}), dokument {request.DocumentId}"));
        if (first is not null)
        {
            db.Add(Audit(dispatch.Id, DispatchAuditEvent.Resent, userId, now,
                $"Sendt igen; første gang {DanishTime.Format(first.CreatedAt)} af {first.CreatedBy}. Begrundelse: {request.ResendReason}"));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request won a unique index: the same Idempotency-Key (a retry) or the same letter version
            // (a second click with another key). Answer with the winner's dispatch.
            db.ChangeTracker.Clear();
            if (idempotencyKey is not null && await FindByKeyAsync(idempotencyKey, cancellationToken) is { } sameKey)
                return await ReplayAsync(sameKey, hash, userId, cancellationToken);
            if (first is null && await FindFirstSendAsync(firstSendKey, cancellationToken) is { } sameLetter)
                return (DispatchOutcome.AlreadySent, sameLetter);
            throw;
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

    private Task<DispatchRecord?> FindFirstSendAsync(string firstSendKey, CancellationToken cancellationToken) =>
        db.Set<DispatchRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.FirstSendKey == firstSendKey, cancellationToken);

    /// <summary>Hashed so an arbitrary document id fits one fixed-length indexed column.</summary>
    private static string FirstSendKeyOf(string documentId, string letterHash, string chosenOption) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{documentId}\n{letterHash}\n{chosenOption}")));

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
