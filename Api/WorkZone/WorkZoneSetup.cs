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

        if (config.GetSection(WorkZoneOptions.Section).Get<WorkZoneOptions>()?.BaseUrl is not null)
        {
            services.AddHttpClient<WorkZoneRecordsStore>((sp, client) =>
            {
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                client.Timeout = sp.GetRequiredService<IOptions<MetadataSyncOptions>>().Value.AttemptTimeout;
            });
            services.AddScoped<IDocumentMetadataStore>(sp => sp.GetRequiredService<WorkZoneRecordsStore>());
        }
        else
        {
            services.AddScoped<IDocumentMetadataStore, EmbeddedMetadataStore>();
        }
        return services;
    }
}
