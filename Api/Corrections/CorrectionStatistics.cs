using SmartPost.Api.Screening;
using SmartPost.Api.Teams;

namespace SmartPost.Api.Corrections;

/// <summary>A reply's screening findings (its stored flags), for counting what the screening found.</summary>
public sealed record FoundRow(DateTime ReceivedAt, string FlagsJson);

/// <summary>A current verdict on a reply received in the period.</summary>
public sealed record VerdictRow(DateTime ReceivedAt, FlagKind Kind, CorrectionVerdict Verdict, Certainty? FoundCertainty);

/// <summary>One certainty tier of a kind: how often caseworkers agreed with it.</summary>
public sealed record CertaintyCorrections(string Certainty, int Found, int Confirmed, int Rejected, double? Precision);

/// <param name="Found">Findings the screening made (Certain and Possible).</param>
/// <param name="Unreviewed">Findings nobody has confirmed or rejected.</param>
/// <param name="Precision">Confirmed / (confirmed + rejected); null when no finding was reviewed.</param>
/// <param name="Recall">Findings not rejected / (those + kinds added by hand); null when there are none.</param>
public sealed record KindCorrections(
    string Kind, int Found, int Confirmed, int Rejected, int Added, int Unreviewed, double? Precision, double? Recall,
    IReadOnlyList<CertaintyCorrections> PerCertainty);

/// <param name="Month">"2026-11" (Danish calendar).</param>
public sealed record MonthCorrections(string Month, IReadOnlyList<KindCorrections> Kinds);

public sealed record CorrectionStatisticsResponse(
    string Team, DateOnly From, DateOnly To, IReadOnlyList<MonthCorrections> Months, IReadOnlyList<KindCorrections> Total)
{
    /// <summary>Swagger example: one month of Team Helbred.</summary>
    public static CorrectionStatisticsResponse Example => new("team-helbred", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
        [new("2026-11", ExampleKinds)], ExampleKinds);

    private static KindCorrections[] ExampleKinds =>
    [
        new("AccessToRecordsRequest", 20, 12, 2, 1, 6, 0.857, 0.947,
            [new("Certain", 14, 10, 0, 1.0), new("Possible", 6, 2, 2, 0.5)]),
        new("Complaint", 9, 5, 1, 0, 3, 0.833, 1.0, [new("Certain", 8, 5, 0, 1.0), new("Possible", 1, 0, 1, 0.0)]),
        new("DeadlineExtensionRequest", 4, 2, 0, 0, 2, 1.0, 1.0, [new("Certain", 4, 2, 0, 1.0), new("Possible", 0, 0, 0, null)]),
        new("SelfServiceExemptionRequest", 0, 0, 0, 0, 0, null, null, [new("Certain", 0, 0, 0, null), new("Possible", 0, 0, 0, null)]),
    ];
}

/// <summary>
/// Measured precision and recall in production, per kind and month of the reply's arrival: what caseworkers
/// confirmed, rejected and added by hand against what the screening found. Plain C#: the controller loads the rows.
/// </summary>
public static class CorrectionStatistics
{
    public static CorrectionStatisticsResponse Compute(
        string team, DateOnly from, DateOnly to, IReadOnlyList<FoundRow> found, IReadOnlyList<VerdictRow> verdicts)
    {
        var findings = found.SelectMany(r => FlagCorrector.ParseFlags(r.FlagsJson).OfType<Newtonsoft.Json.Linq.JObject>()
                .Where(f => !FlagCorrector.IsByHand(f))
                .Select(f => (Month: Month(r.ReceivedAt), Kind: (string?)f["kind"] ?? "", Certainty: (string?)f["certainty"] ?? nameof(Certainty.Certain))))
            .ToList();
        var judged = verdicts.Select(v => (Month: Month(v.ReceivedAt), v.Kind, v.Verdict, v.FoundCertainty)).ToList();

        var months = new List<MonthCorrections>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var key = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            months.Add(new MonthCorrections(key, Kinds(findings.Where(f => f.Month == key).Select(f => (f.Kind, f.Certainty)).ToList(),
                judged.Where(j => j.Month == key).Select(j => (j.Kind, j.Verdict, j.FoundCertainty)).ToList())));
        }
        var total = Kinds(findings.Select(f => (f.Kind, f.Certainty)).ToList(), judged.Select(j => (j.Kind, j.Verdict, j.FoundCertainty)).ToList());
        return new CorrectionStatisticsResponse(team, from, to, months, total);
    }

    private static List<KindCorrections> Kinds(
        List<(string Kind, string Certainty)> findings, List<(FlagKind Kind, CorrectionVerdict Verdict, Certainty? FoundCertainty)> verdicts) =>
        Enum.GetValues<FlagKind>().Select(kind =>
        {
            var name = kind.ToString();
            var ofKind = verdicts.Where(v => v.Kind == kind).ToList();
            // Only verdicts on the screening's own findings say something about its precision.
            var onFindings = ofKind.Where(v => v.FoundCertainty is not null).ToList();
            var foundCount = findings.Count(f => f.Kind == name);
            var confirmed = onFindings.Count(v => v.Verdict == CorrectionVerdict.Confirmed);
            var rejected = onFindings.Count(v => v.Verdict == CorrectionVerdict.Rejected);
            var added = ofKind.Count(v => v.Verdict == CorrectionVerdict.Added);
            var perCertainty = Enum.GetValues<Certainty>().Select(c =>
            {
                var tier = onFindings.Where(v => v.FoundCertainty == c).ToList();
                var tierConfirmed = tier.Count(v => v.Verdict == CorrectionVerdict.Confirmed);
                var tierRejected = tier.Count(v => v.Verdict == CorrectionVerdict.Rejected);
                return new CertaintyCorrections(c.ToString(), findings.Count(f => f.Kind == name && f.Certainty == c.ToString()),
                    tierConfirmed, tierRejected, Ratio(tierConfirmed, tierConfirmed + tierRejected));
            }).ToList();
            var right = foundCount - rejected;
            return new KindCorrections(name, foundCount, confirmed, rejected, added, foundCount - confirmed - rejected,
                Ratio(confirmed, confirmed + rejected), Ratio(right, right + added), perCertainty);
        }).ToList();

    private static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 3);

    private static string Month(DateTime receivedAt) =>
        TeamStatistics.DanishDay(receivedAt).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
