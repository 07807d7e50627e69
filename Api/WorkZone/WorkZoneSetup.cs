using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure.Health;

namespace SmartPost.Api.WorkZone;

public static class WorkZoneSetup
{
    /// <summary>
    /// The document-metadata store and its outbox, and the WorkZone connection: the OData 4 client, the $metadata check
    /// at start-up and the incoming feed. WorkZone is used only when WorkZone:BaseUrl is set; otherwise marks stay in our
    /// database (the embedded store) and replies arrive by POST /api/v1/replies only.
    /// </summary>
    public static IServiceCollection AddDocumentMetadata(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MetadataSyncOptions>().Bind(config.GetSection(MetadataSyncOptions.Section))
            .Validate(o => o.Validate() is null, new MetadataSyncOptions().Validate() ?? "MetadataSync settings are invalid.")
            .ValidateOnStart();
        services.AddOptions<WorkZoneOptions>().Bind(config.GetSection(WorkZoneOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkZoneOptions>, WorkZoneOptionsValidator>();

        services.AddHttpContextAccessor();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<MetadataOutbox>();

        services.AddSingleton<WorkZoneStatus>();
        services.AddSingleton<WorkZoneTokens>();
        services.AddSingleton<WorkZoneModelSource>();
        services.AddHttpClient(WorkZoneTokens.HttpClientName);
        // Polly's per-attempt timeout (WorkZone:RequestTimeout) decides, not HttpClient's.
        services.AddHttpClient<WorkZoneClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        // Before the feed and the outbox: a setting that does not match WorkZone's model stops start-up first.
        services.AddHostedService<WorkZoneStartupCheck>();
        services.AddHostedService<MetadataOutboxDelivery>();
        services.AddSingleton<WorkZoneFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkZoneFeed>());
        services.AddHostedService<WorkZoneFeedLagSampler>();
        services.AddHealthChecks().AddCheck<WorkZoneHealthCheck>("workzone", tags: [HealthSetup.Ready], timeout: HealthSetup.CheckTimeout);

        // Decided when resolved (not at registration) so configuration added by the host later still counts.
        services.AddScoped<WorkZoneRecordsStore>();
        services.AddScoped<EmbeddedMetadataStore>();
        services.AddScoped<IDocumentMetadataStore>(sp =>
            sp.GetRequiredService<IOptions<WorkZoneOptions>>().Value.IsConfigured
                ? sp.GetRequiredService<WorkZoneRecordsStore>()
                : sp.GetRequiredService<EmbeddedMetadataStore>());
        return services;
    }

    /// <summary>Reports the one setting that is wrong, instead of a fixed text.</summary>
    private sealed class WorkZoneOptionsValidator : IValidateOptions<WorkZoneOptions>
    {
        public ValidateOptionsResult Validate(string? name, WorkZoneOptions options) =>
            options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
