using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Infrastructure.Health;

/// <summary>The health answer for operators: overall status and each check's status, description, time and figures.</summary>
internal static class HealthReportJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = new JObject();
        foreach (var (name, entry) in report.Entries)
        {
            checks[name] = new JObject
            {
                ["status"] = entry.Status.ToString(),
                ["description"] = entry.Description ?? entry.Exception?.GetType().Name,
                ["durationMs"] = Math.Round(entry.Duration.TotalMilliseconds, 1),
                ["data"] = JObject.FromObject(entry.Data),
            };
        }
        var body = new JObject
        {
            ["status"] = report.Status.ToString(),
            ["durationMs"] = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            ["checks"] = checks,
        };
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(body.ToString(Newtonsoft.Json.Formatting.None));
    }
}
