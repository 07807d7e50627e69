namespace SmartPost.Api.WorkZone;

/// <summary>
/// Configuration section "WorkZone". With BaseUrl set, replies are fetched from WorkZone (when Feed:Enabled) and
/// "SmartPost behandlet", the deadline and (optionally) the finding kinds are written to WorkZone's records through its
/// OData 4 service; without it everything stays in our database (the embedded store). Every property name below is
/// checked against WorkZone's $metadata at start-up (<see cref="WorkZoneModelCheck"/>).
/// </summary>
public sealed class WorkZoneOptions
{
    public const string Section = "WorkZone";

    /// <summary>WorkZone server root, e.g. "https://fstyr.workzone.cloud"; the OData 4 service is at {BaseUrl}/OData4/.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The record property that carries "SmartPost behandlet": a custom field on Record (e.g. "SMARTPOST_BEHANDLET"), or
    /// a label-keyed sub-table column written as "Navigation/Column" (e.g. "CustomInfos/Info_Value") with <see cref="HandledLabel"/>.
    /// </summary>
    public string HandledFieldName { get; set; } = "";

    /// <summary>CustomLabel_Value of the sub-table row, when <see cref="HandledFieldName"/> names a sub-table column.</summary>
    public string? HandledLabel { get; set; }

    /// <summary>Value written when handled; cleared means JSON null.</summary>
    public string HandledValue { get; set; } = "Ja";

    /// <summary>Record date that gets the earliest due date of the reply's findings; empty: not written.</summary>
    public string DeadlineFieldName { get; set; } = "ReplyTimeLimitDate";

    /// <summary>Optional text property that gets the finding kinds in Danish (e.g. "FreeText"); empty: not written.</summary>
    public string? FindingKindsFieldName { get; set; }

    /// <summary>Entity set of documents (WorkZone: "Records"; the container names are not published, so checked).</summary>
    public string RecordsEntitySet { get; set; } = "Records";

    /// <summary>Caseworker id (as the API knows the user) → WorkZone user name for OnBehalfOf; unmapped ids are sent as they are.</summary>
    public Dictionary<string, string> UserNames { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Time limit for one HTTP request to WorkZone.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Quick retries inside one call for 429/502/503/504, timeouts and network errors (Retry-After honoured).</summary>
    public int RequestRetries { get; set; } = 2;

    /// <summary>Longest Retry-After we wait inside a call; a longer one leaves the work for the next round.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long start-up waits for $metadata before going on without it (writes and the feed then wait).</summary>
    public TimeSpan StartupMetadataTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public WorkZoneAuthOptions Auth { get; set; } = new();

    public WorkZoneFeedOptions Feed { get; set; } = new();

    public bool IsConfigured => BaseUrl is not null;

    public Uri ServiceRoot => new(new Uri(BaseUrl!.ToString().TrimEnd('/') + "/"), "OData4/");

    /// <summary>"CustomInfos/Info_Value" → ("CustomInfos", "Info_Value"); a direct property → null.</summary>
    public (string Navigation, string Column)? HandledSubTable =>
        HandledFieldName.Split('/') is [var nav, var column] ? (nav.Trim(), column.Trim()) : null;

    public string WorkZoneUser(string? caseworker) =>
        caseworker is null ? "" : UserNames.TryGetValue(caseworker, out var name) ? name : caseworker;

    public string? Validate()
    {
        if (BaseUrl is null) return null;
        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https")) return "WorkZone:BaseUrl must be an absolute http(s) URL (the server root; the client adds OData4/).";
        if (string.IsNullOrWhiteSpace(HandledFieldName)) return "WorkZone:HandledFieldName is required when WorkZone:BaseUrl is set (the record field for 'SmartPost behandlet').";
        if (HandledSubTable is not null && string.IsNullOrWhiteSpace(HandledLabel)) return "WorkZone:HandledLabel is required when WorkZone:HandledFieldName names a sub-table column (Navigation/Column).";
        if (RequestTimeout <= TimeSpan.Zero || RequestRetries is < 0 or > 10) return "WorkZone:RequestTimeout must be positive and WorkZone:RequestRetries 0–10.";
        return Auth.Validate() ?? Feed.Validate();
    }
}

public enum WorkZoneAuthMode { ClientSecret, Certificate, None }

/// <summary>
/// "WorkZone:Auth": an Entra ID confidential client (client credentials; scope "&lt;WorkZone App ID URI&gt;/.default").
/// Mode None (no token) is for Development against a local stand-in only; start-up refuses it in any other environment.
/// </summary>
public sealed class WorkZoneAuthOptions
{
    public WorkZoneAuthMode Mode { get; set; } = WorkZoneAuthMode.ClientSecret;
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>PFX file of the client certificate (Mode Certificate) and its password.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>WorkZone's App ID URI; default the BaseUrl (WorkZone registers its full host name as identifier URI).</summary>
    public string? AppIdUri { get; set; }

    /// <summary>
    /// A generic OpenID Connect authority instead of Entra ID's login.microsoftonline.com/{TenantId} (e.g. the stand-in's
    /// token issuer). Must be https: MSAL refuses anything else.
    /// </summary>
    public Uri? Authority { get; set; }

    public string? Validate() => Mode switch
    {
        WorkZoneAuthMode.None => null,
        _ when string.IsNullOrWhiteSpace(ClientId) => "WorkZone:Auth:ClientId is required (or WorkZone:Auth:Mode=None in Development).",
        _ when Authority is null && string.IsNullOrWhiteSpace(TenantId) => "WorkZone:Auth:TenantId is required (or WorkZone:Auth:Authority).",
        _ when Authority is { } a && a.Scheme != "https" => "WorkZone:Auth:Authority must be an https URL.",
        WorkZoneAuthMode.ClientSecret when string.IsNullOrWhiteSpace(ClientSecret) => "WorkZone:Auth:ClientSecret is required for Mode ClientSecret.",
        WorkZoneAuthMode.Certificate when string.IsNullOrWhiteSpace(CertificatePath) => "WorkZone:Auth:CertificatePath is required for Mode Certificate.",
        _ => null,
    };
}

/// <summary>
/// "WorkZone:Feed": polling WorkZone for incoming Digital Post replies. The defaults follow KMD's published model;
/// the open points (which property holds the Digital Post origin, for one) are settings, checked against $metadata.
/// </summary>
public sealed class WorkZoneFeedOptions
{
    public bool Enabled { get; set; }
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// One instance polls at a time (the "workzone-feed" leader lease); the others ask for the lease this often, and
    /// the poller checks it still holds it this often. Take-over after the poller stops or dies is within this time.
    /// </summary>
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    public string RecordTypeField { get; set; } = "RecordType_Value";
    public string RecordTypeValue { get; set; } = "I";

    /// <summary>The document-origin code list (AKTOPR) is behind Source_Value; Origin_Value is an org unit in the CSDL.</summary>
    public string OriginField { get; set; } = "Source_Value";
    public string OriginValue { get; set; } = "DP";

    /// <summary>Orders the feed and carries the watermark: an Edm.Date (Created) or Edm.DateTimeOffset property.</summary>
    public string WatermarkField { get; set; } = "Created";

    /// <summary>When the reply arrived (Edm.DateTimeOffset or Edm.Date); the watermark field when it is empty.</summary>
    public string ReceivedAtField { get; set; } = "DocTime";

    /// <summary>Attachments point at their main record here; the feed lists records where it is null.</summary>
    public string MainRecordField { get; set; } = "PrimaryRecordKey_Value";

    /// <summary>Navigation from a main record to its attachments.</summary>
    public string AttachmentsNavigation { get; set; } = "RecordsByMainRecord";

    public string CaseField { get; set; } = "FileKey_Value";
    public string UnitField { get; set; } = "ResponsibleOu_Value";

    /// <summary>Responsible unit (value of <see cref="UnitField"/>) → team; an unmapped unit falls back to the usual linking.</summary>
    public Dictionary<string, string> UnitTeams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Extra OData $filter clause, and-ed to the default one (e.g. "State_Value ne 'UL'").</summary>
    public string? ExtraFilter { get; set; }

    /// <summary>First watermark when none is stored: records created on or after this date (default: yesterday).</summary>
    public DateOnly? StartDate { get; set; }

    public string? Validate() =>
        !Enabled ? null
        : PollInterval <= TimeSpan.Zero || LeaseCheckInterval <= TimeSpan.Zero ? "WorkZone:Feed:PollInterval and LeaseCheckInterval must be positive."
        : new[] { RecordTypeField, OriginField, WatermarkField, MainRecordField, AttachmentsNavigation }.Any(string.IsNullOrWhiteSpace)
            ? "WorkZone:Feed: RecordTypeField, OriginField, WatermarkField, MainRecordField and AttachmentsNavigation must not be empty."
            : null;
}
