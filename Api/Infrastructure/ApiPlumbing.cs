using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace SmartPost.Api.Infrastructure;

/// <summary>JSON, problem details and body limits shared by every feature.</summary>
public static class ApiPlumbing
{
    /// <summary>Default request body limit (the foundation issue: bodies over 1 MB get 413).</summary>
    public const long DefaultMaxBodyBytes = 1_048_576;

    /// <summary>The API's JSON settings; also used by code that writes JSON outside MVC.</summary>
    public static void Configure(JsonSerializerSettings settings)
    {
        settings.ContractResolver = new CamelCasePropertyNamesContractResolver();
        // Enums travel as strings; an integer or unknown name is a 400 naming the field, not a silent default.
        settings.Converters.Add(new StringEnumConverter { AllowIntegerValues = false });
        settings.NullValueHandling = NullValueHandling.Include;
        settings.DateParseHandling = DateParseHandling.DateTimeOffset;
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
    }

    public static IServiceCollection AddApiPlumbing(this IServiceCollection services, IHostEnvironment env)
    {
        services.AddProblemDetails(o => DanishStatusProblems.Configure(o, env));
        services.AddSingleton(TimeProvider.System);
        services.AddControllers()
            .AddNewtonsoftJson(o =>
            {
                Configure(o.SerializerSettings);
                // MVC buffers the serialized body before sending it, in memory only up to this size and in a temporary
                // file beyond it: 30 KB by default, which a 50-row inbox page comes close to and a 200-row page passes.
                o.OutputFormatterMemoryBufferThreshold = 1024 * 1024;
            });
        // After the features' Configure calls have added their converters (e.g. DateOnly).
        services.PostConfigure<MvcNewtonsoftJsonOptions>(o => ConverterCachingContractResolver.Apply(o.SerializerSettings));
        services.Configure<ApiBehaviorOptions>(o =>
        {
            o.InvalidModelStateResponseFactory = ctx =>
            {
                var problem = new ValidationProblemDetails(DanishModelErrors.From(ctx.ModelState))
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Ugyldig forespørgsel",
                    Detail = "Et eller flere felter er ugyldige; rettelsen står ved hvert felt.",
                    Instance = ctx.HttpContext.Request.Path,
                };
                return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
            };
        });
        return services;
    }

    public static WebApplication UseApiPlumbing(this WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(WriteUnexpectedErrorAsync));
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        return app;
    }

    /// <summary>Unknown routes get a 404 problem, not an empty body.</summary>
    public static IResult NotFound(HttpContext context) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Ikke fundet",
        detail: $"Ingen ressource på '{context.Request.Path}'.",
        instance: context.Request.Path);

    private static async Task WriteUnexpectedErrorAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title) = error switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "Forespørgslen er for stor"),
            BadHttpRequestException bad => (bad.StatusCode, "Ugyldig forespørgsel"),
            _ => (StatusCodes.Status500InternalServerError, "Uventet fejl"),
        };
        context.Response.StatusCode = status;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Instance = context.Request.Path },
        });
    }
}
