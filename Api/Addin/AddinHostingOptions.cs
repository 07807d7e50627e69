namespace SmartPost.Api.Addin;

/// <summary>Section "Addin": where the built task-pane files are and which Office hosts may call the API.</summary>
public sealed class AddinHostingOptions
{
    public const string Section = "Addin";

    /// <summary>Folder with the built task-pane app (AddinWeb's build output). Relative to the content root.</summary>
    public string AssetsPath { get; set; } = Path.Combine("wwwroot", "addin");

    /// <summary>
    /// Origins allowed to call the API cross-origin (CORS). Office on the web and new Outlook run the panes and the
    /// send handler in frames on these origins; "*." allows subdomains.
    /// </summary>
    public string[] AllowedOrigins { get; set; } =
    [
        "https://*.officeapps.live.com",
        "https://*.office.com",
        "https://*.office365.com",
        "https://*.microsoft365.com",
        "https://*.outlook.com",
        "https://*.sharepoint.com",
    ];

    /// <summary>Entra ID application (client) id the panes use for Nested App Authentication; empty until SSO is set up.</summary>
    public string ClientId { get; set; } = "";
}
