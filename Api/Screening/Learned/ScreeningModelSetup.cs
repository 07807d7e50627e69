using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SmartPost.Api.Screening.Learned;

/// <summary>Configuration of the learned second opinion, in section "Screening".</summary>
public sealed class ScreeningModelOptions
{
    /// <summary>Path of the model zip, relative to the app's base directory unless absolute; its manifest (.json) lies beside it.</summary>
    [Required]
    public string ModelPath { get; set; } = "Rules/screening-model.zip";
}

public static class ScreeningModelSetup
{
    /// <summary>
    /// The reply classifier as a singleton. Its manifest is verified when the app starts, so a model and manifest that do
    /// not belong together stop the start with a message saying which; the model itself is loaded on first use.
    /// </summary>
    public static IServiceCollection AddScreeningModel(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ScreeningModelOptions>().Bind(config.GetSection(ScreeningOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScreeningModelOptions>, ManifestValidator>();
        services.AddSingleton(sp =>
        {
            var classifier = ReplyClassifier.Shared(ResolvePath(sp.GetRequiredService<IOptions<ScreeningModelOptions>>().Value.ModelPath));
            if (!classifier.ScoresDirectly)
            {
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReplyClassifier))
                    .LogWarning("Screening model scored through ML.NET's pipeline (several times slower per reply): {Reason}", classifier.WhyNotDirect);
            }
            return classifier;
        });
        return services;
    }

    internal static string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    private sealed class ManifestValidator : IValidateOptions<ScreeningModelOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScreeningModelOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.ModelPath)) return ValidateOptionsResult.Skip;
            try
            {
                ScreeningModelManifest.ReadVerified(ResolvePath(options.ModelPath));
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
