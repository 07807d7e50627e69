using Microsoft.Extensions.Options;

namespace SmartPost.Api.Identity;

/// <summary>
/// The API's Entra ID app registration (<c>Authentication:EntraId</c>). ClientSecret comes from the environment
/// (<c>Authentication__EntraId__ClientSecret</c>) or user-secrets, never from a committed appsettings file.
/// </summary>
public sealed class EntraIdOptions
{
    public const string Section = "Authentication:EntraId";

    /// <summary>Login host; tokens' issuer is <c>{Instance}{TenantId}/v2.0</c>.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The Entra tenant (directory) id, a GUID.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The API's application (client) id, a GUID; v2 tokens carry it as audience.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The add-in's application id URI, <c>api://&lt;host&gt;/&lt;clientId&gt;</c>; v1 (Office SSO) tokens carry it as audience.</summary>
    public string Audience { get; set; } = "";

    /// <summary>The delegated scope the task pane asks for; a token without it gets 403.</summary>
    public string Scope { get; set; } = "access_as_user";

    /// <summary>Client secret for the on-behalf-of exchange to Microsoft Graph.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>OpenID metadata; defaults to the tenant's v2.0 document. Tests point it at a local server.</summary>
    public string? MetadataAddress { get; set; }

    public string Authority => $"{Instance.TrimEnd('/')}/{TenantId}";

    public string ResolvedMetadataAddress =>
        string.IsNullOrWhiteSpace(MetadataAddress) ? $"{Authority}/v2.0/.well-known/openid-configuration" : MetadataAddress;

    /// <summary>v2.0 tokens and v1.0 tokens (Office legacy SSO issues v1 unless the manifest asks for v2).</summary>
    public IReadOnlyList<string> ValidIssuers => [$"{Authority}/v2.0", $"https://sts.windows.net/{TenantId}/"];

    public IReadOnlyList<string> ValidAudiences => [Audience, ClientId];
}

/// <summary>Start-up check: every missing or malformed key is named, with what to put there.</summary>
public sealed class EntraIdOptionsValidator : IValidateOptions<EntraIdOptions>
{
    public ValidateOptionsResult Validate(string? name, EntraIdOptions o)
    {
        var errors = new List<string>();
        if (!Guid.TryParse(o.TenantId, out _))
            errors.Add($"{EntraIdOptions.Section}:TenantId must be the Entra tenant id (a GUID); got '{o.TenantId}'.");
        if (!Guid.TryParse(o.ClientId, out _))
            errors.Add($"{EntraIdOptions.Section}:ClientId must be the API app registration's client id (a GUID); got '{o.ClientId}'.");
        if (!o.Audience.StartsWith("api://", StringComparison.Ordinal))
            errors.Add($"{EntraIdOptions.Section}:Audience must be the app id URI 'api://<host>/<clientId>'; got '{o.Audience}'.");
        if (string.IsNullOrWhiteSpace(o.Scope))
            errors.Add($"{EntraIdOptions.Section}:Scope must name the API scope (e.g. access_as_user).");
        if (string.IsNullOrWhiteSpace(o.ClientSecret))
            errors.Add($"{EntraIdOptions.Section}:ClientSecret is missing: set the environment variable "
                + "Authentication__EntraId__ClientSecret (or user-secrets); it is needed for the on-behalf-of call to Graph.");
        if (!Uri.TryCreate(o.Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
            errors.Add($"{EntraIdOptions.Section}:Instance must be an https URL (e.g. https://login.microsoftonline.com/); got '{o.Instance}'.");
        if (!Uri.TryCreate(o.ResolvedMetadataAddress, UriKind.Absolute, out var metadata) || !(metadata.Scheme == Uri.UriSchemeHttps || metadata.IsLoopback))
            errors.Add($"{EntraIdOptions.Section}:MetadataAddress must be an https URL; got '{o.MetadataAddress}'.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
