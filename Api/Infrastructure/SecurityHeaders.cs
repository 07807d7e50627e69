using Microsoft.Extensions.Options;
using SmartPost.Api.Addin;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Response headers: nosniff everywhere; on the task panes a Content-Security-Policy that allows only what Office hosts
/// need (office.js from Microsoft's CDN, sign-in at Entra ID) and may be framed only by the Office hosts in
/// Addin:AllowedOrigins (no X-Frame-Options: it cannot name several hosts and would break Office on the web);
/// HSTS outside Development.
/// </summary>
public static class SecurityHeaders
{
    private const string OfficeJs = "https://appsforoffice.microsoft.com";
    private const string SignIn = "https://login.microsoftonline.com";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        var hosts = string.Join(' ', app.Services.GetRequiredService<IOptions<AddinHostingOptions>>().Value.AllowedOrigins);
        var panePolicy = string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' {OfficeJs}",
            // office.js adds style attributes to the elements it injects.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            $"connect-src 'self' {SignIn}",
            $"frame-src 'self' {SignIn} {hosts}",
            $"frame-ancestors 'self' {hosts}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Request.Path.StartsWithSegments(AddinHosting.RequestPath))
            {
                headers.ContentSecurityPolicy = panePolicy;
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            }
            return next(context);
        });
        return app;
    }
}
