namespace SmartPost.Api.Guidance;

public static class GuidanceSetup
{
    public static IServiceCollection AddGuidance(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }
}
