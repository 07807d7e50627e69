namespace SmartPost.Api.Recipients;

public static class RecipientsSetup
{
    public static IServiceCollection AddRecipients(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }
}
