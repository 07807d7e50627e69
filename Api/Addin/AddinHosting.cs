using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace SmartPost.Api.Addin;

/// <summary>Serves the task-pane web app (built from AddinWeb/) under /addin, anonymously, plus CORS for Office hosts.</summary>
public static class AddinHosting
{
    public const string CorsPolicy = "OfficeHosts";
    public const string RequestPath = "/addin";

    /// <summary>The send handler's bundled file; Office must find it in the well-known list to allow its CORS calls.</summary>
    public const string SendHandlerPath = "/addin/send/onMessageSend.js";

    public static IServiceCollection AddAddinHosting(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AddinHostingOptions>()
            .Bind(config.GetSection(AddinHostingOptions.Section))
            .Validate(o => o.AllowedOrigins.All(IsHttpsOrigin),
                "Addin:AllowedOrigins must be https origins such as 'https://*.office.com' (no path).")
            .ValidateOnStart();

        var origins = config.GetSection(AddinHostingOptions.Section).Get<AddinHostingOptions>()?.AllowedOrigins
            ?? new AddinHostingOptions().AllowedOrigins;
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .SetIsOriginAllowedToAllowWildcardSubdomains()
            .WithHeaders("Authorization", "Content-Type", "If-Match", "Idempotency-Key", "X-Dev-User", "X-Dev-Teams")
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithExposedHeaders("ETag", "Location")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

    public static WebApplication UseAddinHosting(this WebApplication app)
    {
        // CORS before authentication, so preflights (which carry no credentials) are answered, not 401'd.
        app.UseCors(CorsPolicy);

        var options = app.Services.GetRequiredService<IOptions<AddinHostingOptions>>().Value;
        var assets = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, options.AssetsPath));
        if (Directory.Exists(assets))
        {
            // Static files short-circuit before UseAuthorization: the panes and manifests are public, the API is not.
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = RequestPath,
                FileProvider = new PhysicalFileProvider(assets),
                ContentTypeProvider = ContentTypes(),
                OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
            });
        }
        else
        {
            app.Logger.LogWarning(
                "Task-pane assets not found at {Path}: build AddinWeb (dotnet build does it, or 'npm run build' in AddinWeb).",
                assets);
        }

        app.MapGet("/.well-known/microsoft-officeaddins-allowed.json", (HttpRequest request) =>
                Results.Json(new { allowed = new[] { $"{request.Scheme}://{request.Host}{SendHandlerPath}" } }))
            .AllowAnonymous().ExcludeFromDescription();

        // What the panes need to know about this deployment; read at pane start-up.
        app.MapGet($"{RequestPath}/config.json", (IHostEnvironment env, IOptions<AddinHostingOptions> o) =>
                Results.Json(new { environment = env.EnvironmentName, devIdentity = env.IsDevelopment(), clientId = o.Value.ClientId }))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        provider.Mappings[".xml"] = "application/xml";
        provider.Mappings[".map"] = "application/json";
        return provider;
    }

    private static bool IsHttpsOrigin(string origin) =>
        Uri.TryCreate(origin.Replace("*.", "wildcard.", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && uri.AbsolutePath == "/";
}
