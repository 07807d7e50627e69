using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Newtonsoft.Json;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Gives a schema the example its type declares as <c>public static T Example</c> (next to the record, so the example
/// is compiled against the contract and cannot drift from it). The example is serialized with the API's own
/// Newtonsoft settings, so Swagger shows exactly the wire form: camelCase, enums as strings, nulls included.
/// </summary>
public sealed class SwaggerExampleSchemaFilter : ISchemaFilter
{
    private static readonly JsonSerializerSettings WireSettings = CreateWireSettings();
    private static readonly ConcurrentDictionary<Type, string?> ExampleJson = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && ExampleFor(context.Type) is { } json)
        {
            concrete.Examples = [JsonNode.Parse(json)!];
        }
    }

    /// <summary>The declared example of <paramref name="type"/> as wire JSON, or null when it declares none.</summary>
    public static string? ExampleFor(Type type) => ExampleJson.GetOrAdd(type, static t =>
    {
        var member = t.GetProperty("Example", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        return member is not null && member.PropertyType == t && member.GetIndexParameters().Length == 0
            ? JsonConvert.SerializeObject(member.GetValue(null), WireSettings)
            : null;
    });

    private static JsonSerializerSettings CreateWireSettings()
    {
        var settings = new JsonSerializerSettings();
        ApiPlumbing.Configure(settings);
        return settings;
    }
}
