using System.Reflection;
using Microsoft.OpenApi;

namespace SmartPost.Api.Infrastructure;

public static class SwaggerDocs
{
    public static IServiceCollection AddSwaggerDocs(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "SmartPost Assistant API",
                Version = "v1",
                Description = "Send-time reply-option guidance, MeMo dispatch and screening of incoming Digital Post replies "
                    + "for caseworkers at Færdselsstyrelsen. In Development, authenticate with the header X-Dev-User.",
            });
            o.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml"));
            o.EnableAnnotations();
            // Examples: a static Example member on request/response records, and raw (XML, CSV) bodies per action.
            o.SchemaFilter<SwaggerExampleSchemaFilter>();
            o.OperationFilter<SwaggerRawBodyOperationFilter>();
            o.DocumentFilter<SwaggerUnusedTagsFilter>();
            // Features have records with the same short name (Guidance.Evidence, Screening.Evidence).
            o.CustomSchemaIds(SchemaId);
            o.AddSecurityDefinition("DevUser", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = DevHeaderAuthenticationHandler.UserHeader,
                Description = "Development only: the caseworker's user id (add X-Dev-Teams for team membership).",
            });
            o.AddSecurityRequirement(doc => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("DevUser", doc)] = [],
            });
        });
        services.AddSwaggerGenNewtonsoftSupport();
        return services;
    }

    /// <summary>"Guidance.Evidence" for SmartPost.Api.Guidance.Evidence; framework types keep their short name.</summary>
    private static string SchemaId(Type type)
    {
        var name = type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`')]}Of{string.Join("And", type.GetGenericArguments().Select(SchemaId))}"
            : type.Name;
        const string ourPrefix = "SmartPost.Api.";
        return type.Namespace?.StartsWith(ourPrefix, StringComparison.Ordinal) == true
            ? $"{type.Namespace[ourPrefix.Length..]}.{name}"
            : name;
    }

    public static WebApplication UseSwaggerDocs(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.DocumentTitle = "SmartPost Assistant API";
            o.EnableDeepLinking();
        });
        return app;
    }
}
