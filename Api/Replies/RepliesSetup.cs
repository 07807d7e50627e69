namespace SmartPost.Api.Replies;

public static class RepliesSetup
{
    public static IServiceCollection AddReplies(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }
}
