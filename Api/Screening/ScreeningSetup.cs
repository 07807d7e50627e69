using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartPost.Api.Calendar;

namespace SmartPost.Api.Screening;

public static class ScreeningSetup
{
    /// <summary>
    /// The screening engine as a singleton (it uses the calendar registered by AddCalendar). The lexicon is compiled when the app
    /// starts; an invalid lexicon stops the start with a message listing every error.
    /// </summary>
    public static IServiceCollection AddScreening(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ScreeningOptions>().Bind(config.GetSection(ScreeningOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(ResolvePath(o.LexiconPath)), "Screening:LexiconPath: the screening lexicon file does not exist.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScreeningOptions>, LexiconValidator>();

        services.AddSingleton(sp => ScreeningLexicon.Load(ResolvePath(sp.GetRequiredService<IOptions<ScreeningOptions>>().Value.LexiconPath)));
        services.AddSingleton(sp => new DueDateRules(
            sp.GetRequiredService<DanishWorkingDays>(), sp.GetRequiredService<IOptions<ScreeningOptions>>().Value));
        services.AddSingleton<ReplyScreener>();

        // DateOnly as "YYYY-MM-DD" on the wire (due dates).
        services.Configure<MvcNewtonsoftJsonOptions>(o => o.SerializerSettings.Converters.Add(new DateOnlyJsonConverter()));
        return services;
    }

    internal static string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    /// <summary>Compiles the lexicon during start-up validation so a broken file stops the app with its errors.</summary>
    private sealed class LexiconValidator : IValidateOptions<ScreeningOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScreeningOptions options)
        {
            var path = ResolvePath(options.LexiconPath);
            if (!File.Exists(path)) return ValidateOptionsResult.Skip;
            try
            {
                ScreeningLexicon.Load(path);
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
