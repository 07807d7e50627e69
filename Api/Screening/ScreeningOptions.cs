using System.ComponentModel.DataAnnotations;

namespace SmartPost.Api.Screening;

/// <summary>Configuration section "Screening".</summary>
public sealed class ScreeningOptions
{
    public const string Section = "Screening";

    /// <summary>Path of the lexicon JSON file, relative to the app's base directory unless absolute.</summary>
    [Required]
    public string LexiconPath { get; set; } = "Rules/screening-lexicon.json";

    /// <summary>Internal deadline (working days) to re-assess a complaint and forward it to the appeal body.</summary>
    [Range(1, 60)]
    public int ComplaintForwardWorkingDays { get; set; } = 7;

    /// <summary>Working days to answer a request for a deadline extension.</summary>
    [Range(1, 60)]
    public int ExtensionAnswerWorkingDays { get; set; } = 5;

    /// <summary>Appeal deadline in weeks from notification of the decision (4 weeks for driving-licence decisions).</summary>
    [Range(1, 52)]
    public int AppealDeadlineWeeks { get; set; } = 4;

    /// <summary>The body a complaint is forwarded to if the decision is upheld.</summary>
    [Required]
    public string AppealBody { get; set; } = "Trafikstyrelsen";
}
