using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.WorkZone;

namespace SmartPost.Api.Replies;

public static class RepliesSetup
{
    public static IServiceCollection AddReplies(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RepliesOptions>().Bind(config.GetSection(RepliesOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReplyLinker>();
        services.AddSingleton<RecipientNameIndex>();
        services.AddScoped<ReplyIngest>();
        services.AddScoped<ReplyAccess>();
        services.AddScoped<ReplyChanges>();
        services.AddScoped<ClaimTakeoverPermission>();
        services.AddScoped<IDemoDataSeeder, RepliesDemoSeeder>();
        services.AddDocumentMetadata(config);
        return services;
    }
}
