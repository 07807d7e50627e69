using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Recipients;

public sealed class RecipientsOptions
{
    public const string Section = "Recipients";

    /// <summary>The demo register CSV seeded into a fresh Development database (relative to the app's folder).</summary>
    public string DemoRegisterPath { get; set; } = "Rules/digital-post-register.csv";

    /// <summary>
    /// Users allowed to import the register. Empty: any authenticated caseworker (until single sign-on brings roles).
    /// </summary>
    public List<string> RegisterAdmins { get; set; } = [];

    public string DemoRegisterFullPath => Path.GetFullPath(DemoRegisterPath, AppContext.BaseDirectory);
}

public static class RecipientsSetup
{
    public static IServiceCollection AddRecipients(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RecipientsOptions>()
            .Bind(config.GetSection(RecipientsOptions.Section))
            .Validate(o => File.Exists(o.DemoRegisterFullPath),
                $"{RecipientsOptions.Section}:DemoRegisterPath: the demo Digital Post register CSV does not exist.")
            .ValidateOnStart();

        // The embedded table; a real registry lookup replaces this registration, nothing else.
        services.AddScoped<IDigitalPostRegister, EmbeddedDigitalPostRegister>();
        services.AddScoped<RegisterImport>();
        services.AddScoped<IDemoDataSeeder, RegisterDemoSeeder>();
        return services;
    }
}
