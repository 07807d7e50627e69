namespace SmartPost.Api.WorkZone;

/// <summary>What a queued change writes on the document.</summary>
public enum MetadataKind
{
    /// <summary>"SmartPost behandlet" set (Handled=true) or cleared.</summary>
    Handled,
    /// <summary>The earliest due date of the reply's findings (Value "yyyy-MM-dd") to the configured date field.</summary>
    Deadline,
    /// <summary>The reply's finding kinds in Danish (Value) to the configured text field.</summary>
    FindingKinds,
}

/// <summary>One change to one document, made on behalf of <paramref name="ActedBy"/> (the caseworker; null: the system).</summary>
public sealed record MetadataChange(
    Guid DeliveryKey, string DocumentId, bool Handled, string? HandledBy, DateTime? HandledAt,
    MetadataKind Kind = MetadataKind.Handled, string? ActedBy = null, string? Value = null);

public enum MetadataWriteOutcome
{
    Applied,
    /// <summary>Someone else changed the document meanwhile (412 twice): a person must look.</summary>
    Conflict,
    /// <summary>The store refused for good (e.g. 404 unknown record, 400): retrying will not help.</summary>
    Rejected,
}

public sealed record MetadataWriteResult(MetadataWriteOutcome Outcome, string? Detail = null);

/// <summary>
/// Where "SmartPost behandlet" lives: WorkZone's document form in production (<see cref="WorkZoneRecordsStore"/>),
/// our own database otherwise (<see cref="EmbeddedMetadataStore"/>). Transient failures throw
/// (<see cref="HttpRequestException"/>, timeouts) so the outbox retries them later.
/// </summary>
public interface IDocumentMetadataStore
{
    Task<MetadataWriteResult> WriteAsync(MetadataChange change, CancellationToken cancellationToken);
}
