namespace SmartPost.Api.WorkZone;

/// <summary>
/// Configuration section "WorkZone". With BaseUrl set, "SmartPost behandlet" is written to WorkZone's document
/// form through OData; without it, it stays in our database (the embedded store).
/// </summary>
public sealed class WorkZoneOptions
{
    public const string Section = "WorkZone";

    /// <summary>WorkZone server root, e.g. "https://workzone.example.dk"; the OData service is at /OData/OData.svc/.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The custom document field that carries "SmartPost behandlet" (customer configuration).</summary>
    public string HandledFieldName { get; set; } = "";

    /// <summary>Value written when handled; cleared means JSON null.</summary>
    public string HandledValue { get; set; } = "Ja";

    public string? Validate() =>
        BaseUrl is null ? null
        : !BaseUrl.IsAbsoluteUri ? "WorkZone:BaseUrl must be an absolute URL."
        : string.IsNullOrWhiteSpace(HandledFieldName) ? "WorkZone:HandledFieldName is required when WorkZone:BaseUrl is set (the document field for 'SmartPost behandlet')."
        : null;
}
