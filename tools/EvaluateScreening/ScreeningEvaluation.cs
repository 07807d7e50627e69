using System.Globalization;
using SmartPost.Api.Screening;

namespace SmartPost.EvaluateScreening;

/// <summary>What the screener said about one kind in one reply.</summary>
public readonly record struct Finding(FlagKind Kind, bool Certain);

/// <summary>Per-kind figures over a set of labelled replies.</summary>
/// <param name="Positives">Replies labelled with the kind.</param>
/// <param name="Found">Of those, flagged Certain or Possible.</param>
/// <param name="CertainFlags">Replies flagged Certain for the kind.</param>
/// <param name="CertainCorrect">Of those, labelled with the kind.</param>
/// <param name="PossibleFlags">Replies flagged only Possible for the kind.</param>
public sealed record KindFigures(FlagKind Kind, int Positives, int Found, int CertainFlags, int CertainCorrect, int PossibleFlags)
{
    public double Recall => Positives == 0 ? 1 : Found / (double)Positives;
    public double CertainPrecision => CertainFlags == 0 ? 1 : CertainCorrect / (double)CertainFlags;
}

/// <summary>
/// The evaluation of issue "screening that does not miss": per kind recall over Certain ∪ Possible and Certain
/// precision, the share of clean replies (no label) flagged at all, and the list of mistakes.
/// </summary>
public sealed record ScreeningEvaluation(IReadOnlyList<KindFigures> Kinds, int Clean, int CleanFlagged, IReadOnlyList<string> Confusions)
{
    public double CleanFlaggedShare => Clean == 0 ? 0 : CleanFlagged / (double)Clean;

    public KindFigures this[FlagKind kind] => Kinds.Single(k => k.Kind == kind);

    public static ScreeningEvaluation Run(IEnumerable<CorpusReply> replies, Func<CorpusReply, IReadOnlyList<Finding>> screen)
    {
        var kinds = Enum.GetValues<FlagKind>();
        int[] positives = new int[kinds.Length], found = new int[kinds.Length], certain = new int[kinds.Length],
            certainCorrect = new int[kinds.Length], possible = new int[kinds.Length];
        int clean = 0, cleanFlagged = 0;
        var confusions = new List<string>();
        foreach (var reply in replies)
        {
            var findings = screen(reply);
            if (reply.Kinds.Count == 0 && reply.Judged is null)
            {
                clean++;
                if (findings.Count > 0) cleanFlagged++;
            }
            foreach (var kind in kinds)
            {
                var k = (int)kind;
                if (!reply.IsJudgedOn(kind)) continue;
                var expected = reply.Kinds.Contains(kind);
                var flags = findings.Where(f => f.Kind == kind).ToList();
                var isCertain = flags.Any(f => f.Certain);
                if (expected) positives[k]++;
                if (expected && flags.Count > 0) found[k]++;
                if (isCertain) certain[k]++;
                if (isCertain && expected) certainCorrect[k]++;
                if (flags.Count > 0 && !isCertain) possible[k]++;
                if (expected && flags.Count == 0) confusions.Add($"MISSED   {kind,-28} {reply.Id}: {Excerpt(reply)}");
                else if (!expected && isCertain) confusions.Add($"FALSE    {kind,-28} {reply.Id}: {Excerpt(reply)}");
                else if (!expected && flags.Count > 0) confusions.Add($"possible {kind,-28} {reply.Id}: {Excerpt(reply)}");
            }
        }
        var figures = kinds.Select(kind => new KindFigures(kind, positives[(int)kind], found[(int)kind], certain[(int)kind],
            certainCorrect[(int)kind], possible[(int)kind])).ToList();
        return new ScreeningEvaluation(figures, clean, cleanFlagged, confusions);
    }

    public void Print(TextWriter writer, string title, bool withConfusions = true)
    {
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine($"== {title}");
        foreach (var k in Kinds.Where(k => k.Positives > 0 || k.CertainFlags + k.PossibleFlags > 0))
        {
            writer.WriteLine(string.Format(c, "  {0,-28} recall(C∪P) {1,6:P1} ({2}/{3})   Certain precision {4,6:P1} ({5}/{6})   Possible-only {7}",
                k.Kind, k.Recall, k.Found, k.Positives, k.CertainPrecision, k.CertainCorrect, k.CertainFlags, k.PossibleFlags));
        }
        writer.WriteLine(string.Format(c, "  clean replies flagged at all {0:P1} ({1}/{2})", CleanFlaggedShare, CleanFlagged, Clean));
        if (!withConfusions) return;
        foreach (var line in Confusions) writer.WriteLine("    " + line);
    }

    private static string Excerpt(CorpusReply reply)
    {
        var text = $"[{reply.Subject}] {reply.Text}".ReplaceLineEndings(" ");
        return text.Length <= 140 ? text : text[..140] + "…";
    }
}
