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

    /// <summary>
    /// A file larger than this is stored but not read automatically: the reply is marked for manual screening.
    /// (The whole MeMo message is limited to 10 MB by the endpoint.)
    /// </summary>
    [Range(1024, 100L * 1024 * 1024, ErrorMessage = "Replies:MaxAttachmentBytes must be between 1 KB and 100 MB.")]
    public long MaxAttachmentBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>
    /// At most this many characters of a reply's text are read, stored and screened; a longer reply is stored with
    /// the first part and marked for manual screening. Reading stops at the cap (a .docx zip bomb costs the cap).
    /// </summary>
    [Range(1000, 10_000_000, ErrorMessage = "Replies:MaxTextCharacters must be between 1,000 and 10,000,000.")]
    public int MaxTextCharacters { get; set; } = 200_000;

    /// <summary>Time budget of the automatic screening of one reply; over it, the reply is stored and marked for manual screening.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = "Replies:ScreeningTimeout must be between 1 ms and 60 seconds.")]
    public TimeSpan ScreeningTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Minutes of screening per reply, for the inbox estimate (the guideline: "i gennemsnit 1 minut pr. henvendelse").</summary>
    [Range(0.1, 60)]
    public double ScreeningMinutesPerReply { get; set; } = 1;
}
