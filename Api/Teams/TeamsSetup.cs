namespace SmartPost.Api.Teams;

public static class TeamsSetup
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }
}
