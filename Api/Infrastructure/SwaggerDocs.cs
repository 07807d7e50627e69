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

    public static WebApplication UseSwaggerDocs(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "SmartPost Assistant API");
        return app;
    }
}
