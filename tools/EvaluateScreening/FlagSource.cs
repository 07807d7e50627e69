using System.Text.RegularExpressions;
using SmartPost.Api.Screening;

namespace SmartPost.EvaluateScreening;

/// <summary>
/// Which part of the screening a flag comes from: the rules' Certain tier, a rule of the Possible tier (named by its
/// id, read back from the flag's reason), a Certain finding a scope, the subject line or the model turned into a
/// Possible, or the model alone. A flag carries its reason text, not its rule, so the reason is matched against every
/// rule's and scope's reason template (and the fixed reasons of the screener and matcher); rules that share a template
/// are named together.
/// </summary>
public sealed class FlagSource
{
    // A rule's template counts for its own kind only (two kinds' rules may share a wording); a scope's for every kind.
    private readonly List<(FlagKind? Kind, Regex Reason, string Source)> _templates = [];

    public FlagSource(ScreeningRules rules)
    {
        foreach (var group in rules.File.Rules.Where(r => r.Reason is not null && r.Certainty == Certainty.Possible)
                     .GroupBy(r => (r.Kind, r.Reason!)))
            _templates.Add((group.Key.Kind, Template(group.Key.Item2), $"{Short(group.Key.Kind)} Possible: {string.Join("/", group.Select(r => r.Id))}"));
        foreach (var (name, scope) in rules.File.Scopes.Where(s => s.Value.Reason is not null))
            _templates.Add((null, Template(scope.Reason!), $"Certain lowered by scope {name}"));
    }

    /// <summary>A short label of the source; per kind for the rules' Possible tier, since rules belong to a kind.</summary>
    public string Of(ScreeningFlag flag)
    {
        if (CleanFlagSources.IsModelOnly(flag)) return $"{Short(flag.Kind)} model only";
        if (flag.Certainty == Certainty.Certain) return $"{Short(flag.Kind)} rules Certain";
        var reason = flag.Reason ?? "";
        // The screener's own reasons (ReplyScreener): a subject-only finding and a Certain the model doubted.
        if (reason.StartsWith("Emnelinjen", StringComparison.Ordinal)) return $"{Short(flag.Kind)} subject line only";
        if (reason.Contains("usædvanlig", StringComparison.Ordinal)) return $"{Short(flag.Kind)} Certain lowered by the model";
        // The matcher's reason for a Certain rule read through a spelling-tolerant short word (RuleMatcher).
        if (reason.StartsWith("Et ord ligner", StringComparison.Ordinal)) return $"{Short(flag.Kind)} Certain lowered for a fuzzy short word";
        // A Certain rule lowered by a downgrade scope without a reason of its own gets the screener's fallback reason.
        if (reason == $"Kan være {ReplyScreener.DanishName(flag.Kind)} – tjek") return $"{Short(flag.Kind)} Certain lowered by a scope without reason";
        foreach (var (kind, template, source) in _templates)
        {
            if ((kind is null || kind == flag.Kind) && template.IsMatch(reason)) return source.StartsWith("Certain", StringComparison.Ordinal) ? $"{Short(flag.Kind)} {source}" : source;
        }
        return $"{Short(flag.Kind)} Possible: unmatched reason '{reason}'";
    }

    public static string Short(FlagKind kind) => kind switch
    {
        FlagKind.AccessToRecordsRequest => "akt",
        FlagKind.Complaint => "klage",
        FlagKind.DeadlineExtensionRequest => "frist",
        _ => "selvb",
    };

    // "{kind}" and "{request}" are filled in by the screener; anything may stand there.
    private static Regex Template(string reason) =>
        new("^" + Regex.Escape(reason).Replace(@"\{kind}", ".+").Replace(@"\{request}", ".+") + "$", RegexOptions.CultureInvariant);
}
