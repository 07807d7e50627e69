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
                    + "for caseworkers at Færdselsstyrelsen. In Development, click Authorize and fill in X-Dev-User (e.g. cw-anna), "
                    + "X-Dev-Teams (e.g. team-helbred) and, for team-lead endpoints, X-Dev-Roles (SmartPost.TeamLead).",
            });
            o.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml"));
            o.EnableAnnotations();
            // Examples: a static Example member on request/response records, and raw (XML, CSV) bodies per action.
            o.SchemaFilter<SwaggerExampleSchemaFilter>();
            o.OperationFilter<SwaggerRawBodyOperationFilter>();
            o.DocumentFilter<SwaggerUnusedTagsFilter>();
            // Features have records with the same short name (Guidance.Evidence, Screening.Evidence).
            o.CustomSchemaIds(SchemaId);
            // The panes' TypeScript types are generated from this document: a C# string that is never null must not
            // arrive there as "string | null".
            o.SupportNonNullableReferenceTypes();
            // Development identity: Swagger's "Authorize" asks for all three headers, so the README's "Try it" reaches
            // team endpoints (X-Dev-Teams) and team-lead ones (X-Dev-Roles) without 403.
            foreach (var (id, header, description) in DevHeaders)
            {
                o.AddSecurityDefinition(id, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = header, Description = description,
                });
            }
            o.AddSecurityRequirement(doc =>
            {
                var requirement = new OpenApiSecurityRequirement();
                foreach (var (id, _, _) in DevHeaders) requirement[new OpenApiSecuritySchemeReference(id, doc)] = [];
                return requirement;
            });
        });
        services.AddSwaggerGenNewtonsoftSupport();
        return services;
    }

    private static readonly (string Id, string Header, string Description)[] DevHeaders =
    [
        ("DevUser", DevHeaderAuthenticationHandler.UserHeader, "Development only: your user id, e.g. cw-anna."),
        ("DevTeams", DevHeaderAuthenticationHandler.TeamsHeader, "Development only: your teams, comma-separated, e.g. team-helbred (the demo data's team)."),
        ("DevRoles", DevHeaderAuthenticationHandler.RolesHeader, "Development only: app roles, e.g. SmartPost.TeamLead for statistics and the rota; leave empty for a caseworker."),
    ];

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
        // Only requests under /swagger enter Swashbuckle's middleware: it takes its document generator as a parameter
        // of every call, so each API request built one (a transient with its schema generator) just to pass it on
        // (BENCHMARKS.md, "Fourteenth session: the suggest request stage by stage").
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), swagger =>
        {
            swagger.UseSwagger();
            swagger.UseSwaggerUI(o =>
            {
                o.DocumentTitle = "SmartPost Assistant API";
                o.EnableDeepLinking();
            });
        });
        return app;
    }
}
