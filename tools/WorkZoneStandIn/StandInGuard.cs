using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WorkZoneStandIn;

/// <summary>
/// In front of /OData4: logs every request (with the OnBehalfOf header and the properties a PATCH changed), injects
/// the configured faults, checks the bearer token and the form of OnBehalfOf (<c>User=&lt;name&gt;</c>), and refuses
/// users an administrator barred (403 with a reason, as WorkZone answers for a user without write access).
/// </summary>
public sealed partial class StandInGuard(
    RequestDelegate next, Faults faults, TokenIssuer issuer, RequestLog log, WorkZoneData data, StandInOptions options)
{
    public const string ChangedPropertiesItem = "standin.changed";

    /// <summary>Users whose writes are refused with 403 (WorkZone user name → reason); set via /admin/refused-users.</summary>
    public static ConcurrentDictionary<string, string> RefusedUsers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/OData4"))
        {
            await next(context);
            return;
        }
        var request = context.Request;
        string? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            request.EnableBuffering();
            body = await new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true).ReadToEndAsync();
            request.Body.Position = 0;
        }
        var onBehalfOf = request.Headers["OnBehalfOf"].FirstOrDefault();
        var bearer = request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal)
            ? auth["Bearer ".Length..] : null;

        // Logged as the response starts, not after it is sent: a client that has its answer finds the request in the log.
        context.Response.OnStarting(() =>
        {
            var changed = context.Items[ChangedPropertiesItem] as IReadOnlyList<string> ?? [];
            log.Add(new LoggedRequest(DateTimeOffset.UtcNow, request.Method, request.Path + request.QueryString, context.Response.StatusCode,
                onBehalfOf, bearer is not null, request.Headers.IfMatch.FirstOrDefault(), body, changed));
            return Task.CompletedTask;
        });
        await AnswerAsync(context, bearer, onBehalfOf);
    }

    private async Task AnswerAsync(HttpContext context, string? bearer, string? onBehalfOf)
    {
        if (faults.Take("slow") is { } slow) await Task.Delay(slow.DelayMs ?? 5000, context.RequestAborted);
        if (faults.Take("unavailable") is not null)
        {
            await Refuse(context, 503, "ServiceUnavailable", "WorkZone er midlertidigt utilgængelig.");
            return;
        }
        if (faults.Take("throttle") is { } throttle)
        {
            context.Response.Headers.RetryAfter = (throttle.RetryAfterSeconds ?? 1).ToString();
            await Refuse(context, 429, "TooManyRequests", "For mange forespørgsler.");
            return;
        }
        if (faults.Take("unauthorized") is not null || (bearer is null ? options.RequireToken : !await issuer.IsValidAsync(bearer)))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await Refuse(context, 401, "Unauthorized", "Adgangstoken mangler eller er ugyldig.");
            return;
        }
        if (onBehalfOf is not null)
        {
            var match = OnBehalfOfForm().Match(onBehalfOf);
            if (!match.Success)
            {
                await Refuse(context, 400, "BadOnBehalfOf", "OnBehalfOf skal have formen User=<brugernavn>.");
                return;
            }
            var user = match.Groups[1].Value;
            if (!HttpMethods.IsGet(context.Request.Method) && RefusedUsers.TryGetValue(user, out var reason))
            {
                await Refuse(context, 403, "Forbidden", reason);
                return;
            }
        }

        if (HttpMethods.IsPatch(context.Request.Method) && faults.Take("precondition") is not null)
        {
            await Refuse(context, 412, "PreconditionFailed", "Akten er ændret af en anden.");
            return;
        }
        if (!IsList(context.Request) || !faults.Has("delete-after-list"))
        {
            await next(context);
            return;
        }
        await ListThenDeleteAsync(context);
    }

    /// <summary>"A record deleted between list and read": the listed records vanish right after the list is sent.</summary>
    private async Task ListThenDeleteAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        if (context.Response.StatusCode == 200)
        {
            using var json = JsonDocument.Parse(buffer);
            var ids = json.RootElement.TryGetProperty("value", out var value)
                ? value.EnumerateArray().Select(e => e.TryGetProperty("ID", out var id) ? id.GetString() : null).OfType<string>().ToList()
                : [];
            foreach (var id in ids.Take(faults.TakeDeletions(ids.Count))) data.Delete(id);
            buffer.Position = 0;
        }
        await buffer.CopyToAsync(original);
    }

    private static bool IsList(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Value is "/OData4/Records" or "/OData4/Records/";

    private static async Task Refuse(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }));
    }

    [GeneratedRegex(@"^User=(\S.*)$")]
    private static partial Regex OnBehalfOfForm();
}
