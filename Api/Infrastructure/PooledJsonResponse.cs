using System.Text;
using Newtonsoft.Json;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// A 200 JSON answer written by a hand-written field-by-field writer (the hot endpoints: suggest, the team list) into a
/// pooled text buffer, then sent in one piece with its length — no serializer contracts, no MVC output buffering.
/// </summary>
public static class PooledJsonResponse
{
    public static async Task WriteAsync<T>(HttpResponse response, T value, Action<JsonWriter, T> write, int initialCapacity = 4096)
    {
        int length;
        using (var text = new PooledCharWriter(initialCapacity))
        {
            using (var writer = new JsonTextWriter(text) { ArrayPool = JsonCharPool.Instance, CloseOutput = false })
            {
                write(writer, value);
            }
            length = Encoding.UTF8.GetByteCount(text.Written);
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = length;
            Encoding.UTF8.GetBytes(text.Written, response.BodyWriter.GetSpan(length));
        }
        response.BodyWriter.Advance(length);
        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted);
    }
}
