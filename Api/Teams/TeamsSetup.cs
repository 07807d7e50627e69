namespace SmartPost.Api.Teams;

public static class TeamsSetup
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<TeamsOptions>().Bind(config.GetSection(TeamsOptions.Section)).ValidateOnStart();
        services.AddScoped<KnownTeams>();
        // TEMPORARY until the Danish working-day calendar (feat/screening) is merged: weekends only.
        services.AddSingleton(sp => new ScreeningWindow(PreviousWeekday, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static DateOnly PreviousWeekday(DateOnly day)
    {
        do day = day.AddDays(-1); while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        return day;
    }
}
