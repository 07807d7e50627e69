namespace SmartPost.Api.Addin;

/// <summary>Serves the task-pane web app (built from AddinWeb/) under /addin.</summary>
public static class AddinHosting
{
    public static IServiceCollection AddAddinHosting(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static WebApplication UseAddinHosting(this WebApplication app)
    {
        return app;
    }
}
