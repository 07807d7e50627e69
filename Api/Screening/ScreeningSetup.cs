namespace SmartPost.Api.Screening;

public static class ScreeningSetup
{
    public static IServiceCollection AddScreening(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }
}
