using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Drops tags no operation uses: an action that names its own tag ([SwaggerOperation(Tags = ...)]) would otherwise leave
/// its controller's tag behind as an empty heading in Swagger UI.
/// </summary>
public sealed class SwaggerUnusedTagsFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        if (document.Tags is null) return;
        var used = document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var unused in document.Tags.Where(tag => tag.Name is null || !used.Contains(tag.Name)).ToList())
        {
            document.Tags.Remove(unused);
        }
    }
}
