using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Enforces the endpoint's body limit ([RequestSizeLimit] or the 1 MB default) with a 413 problem.
/// Kestrel enforces limits too, but not the test host, and Kestrel's error is not a problem document;
/// doing it here gives one behaviour everywhere.
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? ApiPlumbing.DefaultMaxBodyBytes;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Forespørgslen er for stor",
                detail: $"Body er på {context.Request.ContentLength} bytes; grænsen er {limit} bytes.",
                instance: context.Request.Path).ExecuteAsync(context);
            return;
        }

        if (context.Request.ContentLength is null && context.Request.Body.CanRead && !HttpMethods.IsGet(context.Request.Method))
        {
            // Chunked bodies have no length up front: count while reading.
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        }

        await next(context);
    }
}
