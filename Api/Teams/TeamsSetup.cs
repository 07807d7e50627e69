namespace SmartPost.Api.Teams;

public static class TeamsSetup
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<TeamsOptions>().Bind(config.GetSection(TeamsOptions.Section)).ValidateOnStart();
        services.AddScoped<KnownTeams>();
        services.AddSingleton<ScreeningWindow>();
        return services;
    }
}
