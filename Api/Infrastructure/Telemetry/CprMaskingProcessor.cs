using System.Diagnostics;
using OpenTelemetry;
using SmartPost.Api.Identity;

namespace SmartPost.Api.Infrastructure.Telemetry;

/// <summary>
/// Masks CPR-looking numbers in every span's name and string attributes before export, as the logs do: request
/// paths such as <c>/recipients/CPR/{id}/digital-post-status</c> carry one.
/// </summary>
internal sealed class CprMaskingProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity activity)
    {
        activity.DisplayName = CprLogMasking.MaskCpr(activity.DisplayName);
        foreach (var (key, value) in activity.TagObjects.ToList())
        {
            if (value is string text && CprLogMasking.CprPattern().IsMatch(text))
            {
                activity.SetTag(key, CprLogMasking.MaskCpr(text));
            }
        }
    }
}
