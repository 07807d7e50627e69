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
            .WithHeaders("Authorization", "Content-Type", "If-Match", "Idempotency-Key", "X-Dev-User", "X-Dev-Teams", "X-Dev-Roles")
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
            var files = new PhysicalFileProvider(assets);
            // Static files short-circuit before UseAuthorization: the panes and manifests are public, the API is not.
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = RequestPath,
                FileProvider = files,
                ContentTypeProvider = ContentTypes(),
                OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = CacheControlFor(ctx.Context.Request.Path),
            });
        }
        else
        {
            app.Logger.LogWarning(
                "Task-pane assets not found at {Path}: build AddinWeb (dotnet build does it, or 'npm run build' in AddinWeb).",
                assets);
        }

        // A newcomer opening the root URL gets the landing page (panes, dashboard, Swagger), the browser its icon.
        // (An endpoint, not default files: the authenticated fallback route would otherwise claim the folder URL.)
        app.MapGet("/", () => Results.Redirect($"{RequestPath}/")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(RequestPath, () => File.Exists(Path.Combine(assets, "index.html"))
                ? Results.File(Path.Combine(assets, "index.html"), "text/html; charset=utf-8")
                : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/favicon.ico", () => File.Exists(Path.Combine(assets, "assets", "icon-32.png"))
                ? Results.File(Path.Combine(assets, "assets", "icon-32.png"), "image/png")
                : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        if (app.Environment.IsDevelopment()) MapLocalOfficeJs(app);

        app.MapGet("/.well-known/microsoft-officeaddins-allowed.json", (HttpRequest request) =>
                Results.Json(new { allowed = new[] { $"{request.Scheme}://{request.Host}{SendHandlerPath}" } }))
            .AllowAnonymous().ExcludeFromDescription();

        // What the panes need to know about this deployment; read at pane start-up.
        app.MapGet($"{RequestPath}/config.json", (IHostEnvironment env, IOptions<AddinHostingOptions> o) =>
                Results.Json(new { environment = env.EnvironmentName, devIdentity = env.IsDevelopment(), clientId = o.Value.ClientId }))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Development without internet: the pages fall back to this copy of office.js (from AddinWeb's
    /// @microsoft/office-js package) when the CDN cannot be reached, so a pane opened in a browser still starts and
    /// shows its preview instead of hanging. Production serves no copy: Office add-ins load office.js from the CDN.
    /// </summary>
    private static void MapLocalOfficeJs(WebApplication app)
    {
        var dist = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, "..", "AddinWeb", "node_modules", "@microsoft", "office-js", "dist"));
        if (!Directory.Exists(dist)) return;
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = $"{RequestPath}/office-js",
            FileProvider = new PhysicalFileProvider(dist),
            ContentTypeProvider = ContentTypes(),
        });
    }

    /// <summary>
    /// The build names shared chunks by their content hash (AddinWeb/scripts/build.mjs), so a chunk's URL never serves
    /// other bytes: a reopened pane takes them from its cache without asking the server again. Pages, entries and
    /// manifests keep their names across builds and are revalidated on every load.
    /// </summary>
    internal static string CacheControlFor(PathString path) =>
        path.StartsWithSegments($"{RequestPath}/js/chunks", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";

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
