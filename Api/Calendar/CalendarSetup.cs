namespace SmartPost.Api.Calendar;

public static class CalendarSetup
{
    /// <summary>
    /// The Danish working-day calendar, shared by screening (due dates), the team inbox ("yesterday's intake")
    /// and statistics; registered once here rather than by one of its users.
    /// </summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CalendarOptions>().Bind(config.GetSection(CalendarOptions.Section)).ValidateOnStart();
        services.AddSingleton<DanishWorkingDays>();
        return services;
    }
}
