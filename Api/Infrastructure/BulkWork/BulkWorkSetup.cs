namespace SmartPost.Api.Infrastructure.BulkWork;

public static class BulkWorkSetup
{
    public static IServiceCollection AddBulkWork(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<BulkWorkOptions>().Bind(config.GetSection(BulkWorkOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BulkWorkLane>();
        services.AddSingleton<BulkAdmission>();
        return services;
    }
}
