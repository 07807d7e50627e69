using Microsoft.Extensions.Options;
using SmartPost.Api.Guidance.Learned;

namespace SmartPost.Api.Guidance;

public static class GuidanceSetup
{
    /// <summary>
    /// Options "Guidance" (rules file, material names) and the engine, compiled once from the rules file.
    /// An invalid rules file stops the start-up with a message naming the file, the rule and the problem.
    /// The Digital Post register (<see cref="Recipients.IDigitalPostRegister"/>) is registered by the Recipients feature.
    /// </summary>
    public static IServiceCollection AddGuidance(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<GuidanceOptions>()
            .Bind(config.GetSection(GuidanceOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.Materials.WithReply) && !string.IsNullOrWhiteSpace(o.Materials.WithoutReply)
                && !string.IsNullOrWhiteSpace(o.Materials.PhysicalMail),
                "Guidance:Materials:WithReply, :WithoutReply and :PhysicalMail must name the SmartPost materials to pick.")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GuidanceOptions>>().Value;
            return GuidanceEngine.FromFile(options.ResolvedRulesPath(), options.Materials)
                .WithSecondOpinion(LetterModelSetup.SecondOpinion(options.ResolvedLetterModelPath()));
        });
        services.AddSingleton(sp => ComplaintGuidanceTemplates.Load(sp.GetRequiredService<IOptions<GuidanceOptions>>().Value.ResolvedTemplatesPath()));
        // Scoped: it asks the request's scope for IDigitalPostRegister, whose embedded form holds the scoped AppDb.
        services.AddScoped<RecipientStandingResolver>();
        services.AddHostedService<CompileRulesAtStartup>();
        return services;
    }

    /// <summary>Builds the engine and reads the templates while the host starts, so a broken file fails the start, not the first letter.</summary>
    private sealed class CompileRulesAtStartup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<GuidanceEngine>();
            services.GetRequiredService<ComplaintGuidanceTemplates>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
