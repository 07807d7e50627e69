namespace SmartPost.Api.WorkZone;

/// <summary>Set (Handled=true) or clear "SmartPost behandlet" on one document.</summary>
public sealed record MetadataChange(Guid DeliveryKey, string DocumentId, bool Handled, string? HandledBy, DateTime? HandledAt);

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
