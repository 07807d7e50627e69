using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SmartPost.Api.WorkZone;

/// <summary>WorkZone could not be reached or is overloaded (5xx, 429, timeouts after the quick retries): try later.</summary>
public class WorkZoneUnavailableException(string message, HttpStatusCode? status = null, Exception? inner = null)
    : HttpRequestException(message, inner, status);

/// <summary>Entra ID or WorkZone refused our token even after a fresh one: not a verdict on the write, so it waits.</summary>
public sealed class WorkZoneAuthException(string message, Exception? inner = null)
    : WorkZoneUnavailableException(message, HttpStatusCode.Unauthorized, inner);

/// <summary>
/// HTTP to WorkZone's OData 4 service at {BaseUrl}/OData4/: bearer token (<see cref="WorkZoneTokens"/>), the
/// <c>OnBehalfOf: User=&lt;name&gt;</c> header for the caseworker who acted, JSON in and out. 429/502/503/504, timeouts
/// and network errors are retried with Polly (Retry-After honoured), then thrown as <see cref="WorkZoneUnavailableException"/>.
/// A 401 is answered with a fresh token and one more try; a second 401 raises the status alert and throws
/// <see cref="WorkZoneAuthException"/>. Anything else (2xx, 400, 403, 404, 412 …) is returned to the caller.
/// </summary>
public sealed class WorkZoneClient(
    HttpClient http, WorkZoneTokens tokens, IOptions<WorkZoneOptions> options, WorkZoneStatus status, ILogger<WorkZoneClient> log)
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = BuildPipeline(options.Value);

    public Uri ServiceRoot => options.Value.ServiceRoot;

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string url, JObject? body, string? onBehalfOf, string? ifMatch, CancellationToken ct)
    {
        var uri = new Uri(ServiceRoot, url);
        var response = await _pipeline.ExecuteAsync(
            async token => await AttemptAsync(() => Request(method, uri, body, onBehalfOf, ifMatch), token), ct);
        if (IsTransient(response.StatusCode))
        {
            var reason = await ReasonAsync(response, ct);
            response.Dispose();
            throw new WorkZoneUnavailableException($"WorkZone svarede {(int)response.StatusCode}: {reason}", response.StatusCode);
        }
        return response;
    }

    /// <summary>GET of a JSON body; null for 404 (the record is gone).</summary>
    public async Task<JObject?> GetJsonAsync(string url, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, url, null, null, null, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, ct);
        return ParseJson(await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>JSON with dates left as the strings WorkZone sent (Edm.Date "2027-01-05" stays comparable as text).</summary>
    public static JObject ParseJson(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    public async Task<(byte[] Bytes, string? MediaType)?> GetBytesAsync(string url, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, url, null, null, null, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, ct);
        return (await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>
    /// GET of content that may be missing or not offered: the bytes, or null with WorkZone's answer (404, 501 …).
    /// Only transient trouble throws.
    /// </summary>
    public async Task<(byte[]? Bytes, string? MediaType, HttpStatusCode Status)> TryGetBytesAsync(string url, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, url, null, null, null, ct);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.ToString(), response.StatusCode)
            : (null, null, response.StatusCode);
    }

    /// <summary>Like <see cref="GetJsonAsync"/>, but any refusal (404, 400, 501 …) is null instead of an error.</summary>
    public async Task<JObject?> TryGetJsonAsync(string url, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, url, null, null, null, ct);
        return response.IsSuccessStatusCode ? ParseJson(await response.Content.ReadAsStringAsync(ct)) : null;
    }

    /// <summary>WorkZone's reason for a refusal: the OData error message, else the status line.</summary>
    public static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            if (JToken.Parse(text) is JObject json && (string?)json.SelectToken("error.message") is { Length: > 0 } message) return message;
        }
        catch (JsonReaderException)
        {
            // not JSON: fall back to the status line
        }
        return $"{(int)response.StatusCode} {response.ReasonPhrase}".Trim();
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new WorkZoneUnavailableException($"WorkZone svarede {(int)response.StatusCode}: {await ReasonAsync(response, ct)}", response.StatusCode);
        }
    }

    private async Task<HttpResponseMessage> AttemptAsync(Func<HttpRequestMessage> create, CancellationToken ct)
    {
        var response = await SendWithTokenAsync(create, forceRefresh: false, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized && tokens.Enabled)
        {
            response.Dispose();
            log.LogInformation("WorkZone answered 401; retrying with a fresh token.");
            response = await SendWithTokenAsync(create, forceRefresh: true, ct);
        }
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            var reason = await ReasonAsync(response, ct);
            response.Dispose();
            status.AuthRefused($"WorkZone afviser adgangen: {reason}");
            throw new WorkZoneAuthException($"WorkZone afviste adgangen (401): {reason}");
        }
        status.AuthAccepted();
        return response;
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(Func<HttpRequestMessage> create, bool forceRefresh, CancellationToken ct)
    {
        string? token;
        try
        {
            token = await tokens.GetAsync(forceRefresh, ct);
        }
        catch (MsalServiceException e)
        {
            status.AuthRefused($"Entra ID afviser SmartPost: {e.ErrorCode}");
            throw new WorkZoneAuthException($"Entra ID udstedte ingen token ({e.ErrorCode}).", e);
        }
        catch (MsalClientException e)
        {
            throw new WorkZoneUnavailableException($"Entra ID kunne ikke nås ({e.ErrorCode}).", null, e);
        }
        using var request = create();
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return await http.SendAsync(request, ct);
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri uri, JObject? body, string? onBehalfOf, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("UseLog-Application", "SmartPost Assistant");
        if (!string.IsNullOrWhiteSpace(onBehalfOf)) request.Headers.Add("OnBehalfOf", $"User={onBehalfOf}");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
        }
        return request;
    }

    private static bool IsTransient(HttpStatusCode code) =>
        code is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.InternalServerError;

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(WorkZoneOptions o)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (o.RequestRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.RequestRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(300),
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: WorkZoneAuthException } => false,
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } r } => IsTransient(r.StatusCode) && (RetryAfter(r) is not { } wait || wait <= o.MaxRetryAfter),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfter(r) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.AddTimeout(o.RequestTimeout).Build();
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => null,
    };
}
