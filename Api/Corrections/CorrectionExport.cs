using SmartPost.Api.Identity;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Corrections;

/// <summary>A current verdict with its reply, as the export reads it.</summary>
public sealed record ExportRow(
    long ReplyId, FlagKind Kind, CorrectionVerdict Verdict, DateTime At, string? Subject, string Text, string FlagsJson);

/// <summary>
/// One line of the corrections export: the fields tools/TrainScreeningModel's CorrectionsFile reads (subject, text,
/// kind, verdict) plus where it came from. Kept: not a verdict of its own but a finding the caseworker left standing
/// on a reply they corrected.
/// </summary>
public sealed record CorrectionLine(long ReplyId, string Kind, string Verdict, DateTime CorrectedAt, bool Kept, string? Subject, string Text);

/// <summary>
/// The lines of one corrected reply, CPR numbers masked (the log masking's pattern). The trainer makes a corrected
/// reply that is not in its corpus an example with exactly the kinds confirmed or added for it, so the findings the
/// caseworker kept on that reply go along as Confirmed; otherwise one "Ikke en klage" would also teach the model that
/// the reply's aktindsigt was none.
/// </summary>
public static class CorrectionExport
{
    public static IEnumerable<CorrectionLine> Lines(IReadOnlyList<ExportRow> reply)
    {
        if (reply.Count == 0) yield break;
        var first = reply[0];
        var subject = first.Subject is null ? null : CprLogMasking.MaskCpr(first.Subject);
        var text = CprLogMasking.MaskCpr(first.Text);
        foreach (var row in reply)
            yield return new CorrectionLine(row.ReplyId, row.Kind.ToString(), row.Verdict.ToString(), row.At, false, subject, text);

        var corrected = reply.Select(r => r.Kind.ToString()).ToHashSet();
        foreach (var flag in FlagCorrector.ParseFlags(first.FlagsJson).OfType<Newtonsoft.Json.Linq.JObject>())
        {
            var kind = (string?)flag["kind"];
            if (kind is null || corrected.Contains(kind) || FlagCorrector.Verdict(flag) == CorrectionVerdict.Rejected) continue;
            yield return new CorrectionLine(first.ReplyId, kind, nameof(CorrectionVerdict.Confirmed), reply.Max(r => r.At), true, subject, text);
        }
    }
}
