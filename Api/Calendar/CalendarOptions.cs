namespace SmartPost.Api.Calendar;

/// <summary>
/// Days that are public holidays for some employers but in principle working days for state employees
/// (REFERENCE.md "Deadlines"). All default to false: a working day gives the stricter, earlier due date.
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>Treat Grundlovsdag (5 June) as a holiday.</summary>
    public bool GrundlovsdagIsHoliday { get; set; }

    /// <summary>Treat juleaftensdag (24 December) as a holiday.</summary>
    public bool ChristmasEveIsHoliday { get; set; }

    /// <summary>Treat nytårsaftensdag (31 December) as a holiday.</summary>
    public bool NewYearsEveIsHoliday { get; set; }
}
