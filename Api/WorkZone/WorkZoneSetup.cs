using Microsoft.Extensions.Options;

namespace SmartPost.Api.WorkZone;

public static class WorkZoneSetup
{
    /// <summary>
    /// The document-metadata store and its outbox. WorkZone's OData adapter only when WorkZone:BaseUrl is set,
    /// otherwise the embedded store in our database.
    /// </summary>
    public static IServiceCollection AddDocumentMetadata(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MetadataSyncOptions>().Bind(config.GetSection(MetadataSyncOptions.Section))
            .Validate(o => o.Validate() is null, new MetadataSyncOptions().Validate() ?? "MetadataSync settings are invalid.")
            .ValidateOnStart();
        services.AddOptions<WorkZoneOptions>().Bind(config.GetSection(WorkZoneOptions.Section))
            .Validate(o => o.Validate() is null, "WorkZone: BaseUrl must be absolute and HandledFieldName is required when BaseUrl is set.")
            .ValidateOnStart();

        services.AddSingleton<OutboxSignal>();
        services.AddScoped<MetadataOutbox>();
        services.AddHostedService<MetadataOutboxDelivery>();

        // Decided when resolved (not at registration) so configuration added by the host later still counts.
        services.AddHttpClient<WorkZoneRecordsStore>((sp, client) =>
        {
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            client.Timeout = sp.GetRequiredService<IOptions<MetadataSyncOptions>>().Value.AttemptTimeout;
        });
        services.AddScoped<EmbeddedMetadataStore>();
        services.AddScoped<IDocumentMetadataStore>(sp =>
            sp.GetRequiredService<IOptions<WorkZoneOptions>>().Value.BaseUrl is null
                ? sp.GetRequiredService<EmbeddedMetadataStore>()
                : sp.GetRequiredService<WorkZoneRecordsStore>());
        return services;
    }
}
