using System.ComponentModel.DataAnnotations;

namespace SmartPost.Api.Replies;

/// <summary>Configuration section "Replies".</summary>
public sealed class RepliesOptions
{
    public const string Section = "Replies";

    /// <summary>Team that receives replies we cannot link to a case or team (marked routing "DefaultTeam").</summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultTeam { get; set; } = "team-postmodtagelse";

    /// <summary>
    /// A catch-all reply is routed by its sender or a signed name only to dispatches sent at most this many days
    /// before it arrived (older letters say little about what a new message is about).
    /// </summary>
    [Range(1, 3650, ErrorMessage = "Replies:SenderRoutingWindowDays must be between 1 and 3650 days.")]
    public int SenderRoutingWindowDays { get; set; } = 180;

    /// <summary>A claim older than this no longer blocks colleagues (e.g. "04:00:00").</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Replies:ClaimTimeout must be between 1 minute and 7 days.")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Minutes of screening per reply, for the inbox estimate (the guideline: "i gennemsnit 1 minut pr. henvendelse").</summary>
    [Range(0.1, 60)]
    public double ScreeningMinutesPerReply { get; set; } = 1;
}
