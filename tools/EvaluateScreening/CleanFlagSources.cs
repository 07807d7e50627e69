using System.Globalization;
using SmartPost.Api.Screening;

namespace SmartPost.EvaluateScreening;

/// <summary>
/// Where the flags on replies without any request come from: per kind, the rules' Certain, the rules' Possible (a Certain
/// the model lowered counts here too) or the model alone; and per writer, how many clean replies only the model flagged.
/// The budget question is which of these to tighten.
/// </summary>
public sealed class CleanFlagSources
{
    private enum Source { RulesCertain, RulesPossible, ModelOnly }

    private readonly Dictionary<(FlagKind Kind, Source Source), int> _flags = [];
    private readonly SortedDictionary<string, (int Clean, int Flagged, int ModelOnly)> _writers = new(StringComparer.Ordinal);

    /// <summary>A Possible flag the model added where the rules had no finding of the kind.</summary>
    public static bool IsModelOnly(ScreeningFlag flag) =>
        flag.Evidence.Count == 0 && flag.Reason?.StartsWith("Modellen", StringComparison.Ordinal) == true;

    public void Count(string writer, IReadOnlyList<ScreeningFlag> flags)
    {
        _writers.TryGetValue(writer, out var w);
        _writers[writer] = (w.Clean + 1, w.Flagged + (flags.Count > 0 ? 1 : 0), w.ModelOnly + (flags.Count > 0 && flags.All(IsModelOnly) ? 1 : 0));
        foreach (var flag in flags)
        {
            var source = IsModelOnly(flag) ? Source.ModelOnly : flag.Certainty == Certainty.Certain ? Source.RulesCertain : Source.RulesPossible;
            _flags[(flag.Kind, source)] = _flags.GetValueOrDefault((flag.Kind, source)) + 1;
        }
    }

    public void Print(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("  flags on clean replies by source (rules Certain / rules Possible / model only):");
        foreach (var kind in Enum.GetValues<FlagKind>())
        {
            output.WriteLine(string.Format(c, "    {0,-28} {1,4} / {2,4} / {3,4}", kind, _flags.GetValueOrDefault((kind, Source.RulesCertain)),
                _flags.GetValueOrDefault((kind, Source.RulesPossible)), _flags.GetValueOrDefault((kind, Source.ModelOnly))));
        }
        var clean = _writers.Values.Sum(w => w.Clean);
        var flagged = _writers.Values.Sum(w => w.Flagged);
        var modelOnly = _writers.Values.Sum(w => w.ModelOnly);
        output.WriteLine(string.Format(c, "  clean replies flagged {0}/{1}, of them by the model alone {2}; per writer (flagged / model alone / clean): {3}",
            flagged, clean, modelOnly, string.Join(", ", _writers.Where(w => w.Value.Flagged > 0).Select(w => $"{Short(w.Key)} {w.Value.Flagged}/{w.Value.ModelOnly}/{w.Value.Clean}"))));
    }

    private static string Short(string batch) => batch.StartsWith("blind-replies-", StringComparison.Ordinal) ? batch["blind-replies-".Length..] : batch;
}
