using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartPost.Api.Calendar;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.Api.Screening;

public static class ScreeningSetup
{
    /// <summary>
    /// The screening engine as a singleton (it uses the calendar registered by AddCalendar). The rules are compiled when the app
    /// starts; an invalid rules file stops the start with a message naming file, rule and concept of every error. A learned
    /// <see cref="ReplyClassifier"/>, if registered, is the screener's second opinion.
    /// </summary>
    public static IServiceCollection AddScreening(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ScreeningOptions>().Bind(config.GetSection(ScreeningOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(ResolvePath(o.RulesPath)), "Screening:RulesPath: the screening rules file does not exist.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScreeningOptions>, RulesValidator>();

        services.AddSingleton(sp => ScreeningRules.Load(ResolvePath(sp.GetRequiredService<IOptions<ScreeningOptions>>().Value.RulesPath)));
        services.AddSingleton(sp => new DueDateRules(
            sp.GetRequiredService<DanishWorkingDays>(), sp.GetRequiredService<IOptions<ScreeningOptions>>().Value));
        services.AddSingleton(sp => new ReplyScreener(sp.GetRequiredService<ScreeningRules>(), sp.GetRequiredService<DueDateRules>(),
            sp.GetService<ReplyClassifier>(), sp.GetRequiredService<IOptions<ScreeningOptions>>().Value));
        services.AddHostedService<ScreenOnceAtStartup>();

        // DateOnly as "YYYY-MM-DD" on the wire (due dates).
        services.Configure<MvcNewtonsoftJsonOptions>(o => o.SerializerSettings.Converters.Add(new DateOnlyJsonConverter()));
        return services;
    }

    /// <summary>
    /// Loads the model and screens one short reply while the host starts. Otherwise the first reply after a start pays
    /// for loading the model inside its screening time budget and, on a busy machine, is marked for manual screening.
    /// </summary>
    private sealed class ScreenOnceAtStartup(ReplyScreener screener, TimeProvider clock) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            screener.Screen("Sv: Afgørelse", "Jeg vil gerne klage over afgørelsen og have aktindsigt i sagen.", new ScreeningContext(clock.GetUtcNow()));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    internal static string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    /// <summary>Compiles the rules during start-up validation so a broken file stops the app with its errors.</summary>
    private sealed class RulesValidator : IValidateOptions<ScreeningOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScreeningOptions options)
        {
            var path = ResolvePath(options.RulesPath);
            if (!File.Exists(path)) return ValidateOptionsResult.Skip;
            try
            {
                ScreeningRules.Load(path);
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
