namespace SmartPost.Api.Retention;

public static class RetentionSetup
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RetentionOptions>().Bind(config.GetSection(RetentionOptions.Section))
            .Validate(o => o.Validate() is null, new RetentionOptions { DaysAfterHandled = 0 }.Validate()!)
            .ValidateOnStart();
        services.AddScoped<ReplyContentPurge>();
        services.AddHostedService<RetentionJob>();
        return services;
    }
}
