namespace SmartPost.Api.Dispatch;

public static class DispatchSetup
{
    public static IServiceCollection AddDispatch(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }
}
