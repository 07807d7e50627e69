using System.Buffers;
using System.Text;
using SmartPost.Api.Infrastructure;

namespace SmartPost.Api.Guidance;

/// <summary>Marks the action whose ordinary requests <see cref="SuggestFastPath"/> answers.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SuggestFastPathAttribute : Attribute;

/// <summary>
/// Answers POST /api/v1/reply-options/suggest without MVC when the request is an ordinary valid one. The panes ask as
/// the caseworker types, and for this action MVC's model binding, DataAnnotations validation and buffering JSON
/// formatters cost several times the guidance engine itself. Runs after authentication, authorization and the rate
/// limiter, on the endpoint routing already chose, so those apply unchanged. The body is read into a pooled buffer;
/// when <see cref="SuggestRequestReader"/> does not accept it, the buffer becomes the body again and
/// <see cref="ReplyOptionsController"/> answers as before — bad input gets MVC's problem details, word for word.
/// The answer is the same JSON (<see cref="SuggestionJson"/>), written in one piece with its length.
/// </summary>
public sealed class SuggestFastPath(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // A chunked body (no length) or one over the limit is MVC's to read and refuse.
        var length = context.Request.ContentLength ?? 0;
        return context.GetEndpoint()?.Metadata.GetMetadata<SuggestFastPathAttribute>() is null
            || !HttpMethods.IsPost(context.Request.Method)
            || length is <= 0 or > ApiPlumbing.DefaultMaxBodyBytes || !IsPlainJson(context.Request)
            ? next(context)
            : AnswerAsync(context, (int)length);
    }

    private async Task AnswerAsync(HttpContext context, int length)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = await ReadBodyAsync(context.Request.Body, bytes.AsMemory(0, length), context.RequestAborted);
            if (Read(bytes.AsSpan(0, read)) is not { } request)
            {
                context.Request.Body = new MemoryStream(bytes, 0, read, writable: false);
                await next(context);
                return;
            }
            var suggestion = await ReplyOptionsController.SuggestAsync(request,
                context.RequestServices.GetRequiredService<GuidanceEngine>(),
                context.RequestServices.GetRequiredService<RecipientStandingResolver>(), context.RequestAborted);
            await PooledJsonResponse.WriteAsync(context.Response, suggestion, SuggestionJson.Write);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>What the panes send; other media types, charsets and Accept headers go through MVC's negotiation.</summary>
    private static bool IsPlainJson(HttpRequest request)
    {
        var contentType = request.ContentType;
        var accept = request.Headers.Accept;
        return (string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase)
                || string.Equals(contentType, "application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase))
            && (accept.Count == 0 || accept is ["*/*"] || accept is ["application/json"]);
    }

    private static async Task<int> ReadBodyAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await body.ReadAsync(buffer[read..], cancellationToken);
            if (n == 0) break;
            read += n;
        }
        return read;
    }

    private static SuggestRequest? Read(ReadOnlySpan<byte> utf8)
    {
        // A byte-order mark is for MVC's reader to deal with.
        if (utf8.StartsWith(Encoding.UTF8.Preamble)) return null;
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(utf8, chars);
            return SuggestRequestReader.TryRead(new CharArrayReader(chars, count));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}

public static class SuggestFastPathSetup
{
    /// <summary>After authentication, authorization and rate limiting: it answers in their place only the endpoint's work.</summary>
    public static WebApplication UseSuggestFastPath(this WebApplication app)
    {
        app.UseMiddleware<SuggestFastPath>();
        return app;
    }
}
