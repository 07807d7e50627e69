using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Reflection;
using System.Text.Json.Nodes;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Documents a request body the action reads itself (no [FromBody] model, so Swagger cannot see it): the content
/// type and a realistic example, e.g. a MeMo XML message or a CSV file. Several may be put on one action.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class SwaggerRawBodyAttribute(string contentType, string example) : Attribute
{
    public string ContentType { get; } = contentType;

    public string Example { get; } = example;

    /// <summary>Shown as the request body's description (the last one set on the action wins).</summary>
    public string? Description { get; init; }
}

/// <summary>Adds the bodies declared with <see cref="SwaggerRawBodyAttribute"/> to the operation, as strings with an example.</summary>
public sealed class SwaggerRawBodyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var raw in context.MethodInfo.GetCustomAttributes<SwaggerRawBodyAttribute>())
        {
            var body = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody { Required = true };
            body.Content ??= new Dictionary<string, IOpenApiMediaType>();
            body.Content[raw.ContentType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create(raw.Example),
            };
            if (raw.Description is not null) body.Description = raw.Description;
            operation.RequestBody = body;
        }
    }
}
