using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure.BulkWork;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Section "RateLimits": requests per caller (signed-in user, else client address) per minute on the endpoints that
/// cost the most. Limits are token buckets: a caller may burst up to the minute's allowance, refilled every 10 s.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>POST /api/v1/replies — usually one integration account delivering for everyone.</summary>
    public int IngestPerMinute { get; set; } = 3000;

    /// <summary>POST /api/v1/reply-options/suggest — the panes ask as the caseworker types.</summary>
    public int SuggestPerMinute { get; set; } = 600;

    /// <summary>The team inbox with filters and shared-search results.</summary>
    public int SearchPerMinute { get; set; } = 600;
}

/// <summary>
/// Which endpoints are limited, by whom, and the Danish answers: 429 when a caller is over its allowance, 503 when
/// bulk admission (<see cref="BulkAdmission"/>, always on) has no room for another delivery.
/// </summary>
public static class RateLimits
{
    private static readonly TimeSpan Refill = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RateLimitOptions>().Bind(config.GetSection(RateLimitOptions.Section))
            .Validate(o => o.IngestPerMinute > 0 && o.SuggestPerMinute > 0 && o.SearchPerMinute > 0,
                "RateLimits: every PerMinute value must be positive.")
            .ValidateOnStart();
        var options = config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
        });
        // The caller's allowance first (it answers at once), then admission, which may queue a delivery.
        services.AddOptions<RateLimiterOptions>().Configure<BulkAdmission>((limiter, admission) =>
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    options.Enabled && Group(context.Request) is { } group
                        ? RateLimitPartition.GetTokenBucketLimiter($"{group.Name}:{Caller(context)}", _ => Bucket(group.PerMinute(options)))
                        : RateLimitPartition.GetNoLimiter("")),
                admission));
        return services;
    }

    private sealed record LimitedGroup(string Name, Func<RateLimitOptions, int> PerMinute);

    private static readonly LimitedGroup Ingest = new("ingest", o => o.IngestPerMinute);
    private static readonly LimitedGroup Suggest = new("suggest", o => o.SuggestPerMinute);
    private static readonly LimitedGroup Search = new("search", o => o.SearchPerMinute);

    private static LimitedGroup? Group(HttpRequest request)
    {
        var path = request.Path.Value?.TrimEnd('/') ?? "";
        if (HttpMethods.IsPost(request.Method))
        {
            if (path.Equals("/api/v1/replies", StringComparison.OrdinalIgnoreCase)) return Ingest;
            if (path.Equals("/api/v1/reply-options/suggest", StringComparison.OrdinalIgnoreCase)) return Suggest;
            return null;
        }
        // GET /api/v1/teams/{team}/replies (the inbox and its filters) and /teams/{team}/searches/{id}/results.
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var isSearch = HttpMethods.IsGet(request.Method) && segments is ["api", "v1", "teams", _, ..]
            && (segments is [_, _, _, _, "replies"] || segments is [_, _, _, _, "searches", _, "results"]);
        return isSearch ? Search : null;
    }

    private static string Caller(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.Identity?.Name
        ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous";

    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, (int)(perMinute * Refill.TotalSeconds / 60)),
        ReplenishmentPeriod = Refill,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        // Only the token buckets know when the caller may come back; admission's refusal carries no such time.
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            return WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, seconds,
                "For mange forespørgsler / too many requests",
                $"Du har sendt mange forespørgsler på kort tid. Vent {seconds} sekunder, og prøv igen.");
        }
        var wait = (int)context.RequestServices.GetRequiredService<IOptions<BulkWorkOptions>>().Value.RetryAfter.TotalSeconds;
        return WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, wait,
            "Modtagelsen er optaget",
            $"Der modtages mange svar lige nu, så dette svar er ikke gemt. Send det igen om {wait} sekunder.");
    }

    private static async ValueTask WriteProblemAsync(HttpContext context, int status, int retryAfterSeconds, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
        });
    }
}
