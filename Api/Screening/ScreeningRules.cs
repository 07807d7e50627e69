using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>
/// The screening rules compiled for use: concepts (a <see cref="ConceptSet"/> on the shared text core), scopes and
/// rules with their concept ids resolved. Loading validates everything and throws one error naming the file, the
/// rule and the concept of each problem. Immutable; thread-safe.
/// </summary>
public sealed class ScreeningRules
{
    private static readonly string[] Placements = ["inClause", "beforeInClause", "beforeOrAtInClause", "afterInClause", "inSentence", "beforeInSentence", "afterInSentence", "inText"];

    private ScreeningRules(ScreeningRulesFile file, ConceptSet concepts, IReadOnlyList<CompiledRule> rules, IReadOnlyDictionary<string, CompiledScope> scopes)
    {
        File = file;
        Concepts = concepts;
        Rules = rules;
        Scopes = scopes;
    }

    public ScreeningRulesFile File { get; }
    public ConceptSet Concepts { get; }
    public IReadOnlyList<CompiledRule> Rules { get; }
    public IReadOnlyDictionary<string, CompiledScope> Scopes { get; }

    public static ScreeningRules Load(string path)
    {
        ScreeningRulesFile? file;
        try
        {
            var settings = new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error, Converters = [new StringEnumConverter()] };
            file = JsonConvert.DeserializeObject<ScreeningRulesFile>(System.IO.File.ReadAllText(path), settings);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)}: {e.Message}", e);
        }
        if (file is null) throw new InvalidOperationException($"{Path.GetFileName(path)}: the file is empty.");
        return Compile(file, Path.GetFileName(path));
    }

    public static ScreeningRules Compile(ScreeningRulesFile file, string name)
    {
        var errors = new List<string>();
        var concepts = ConceptSet.Build(file.Concepts, file.ClauseWords, errors, maskSignatures: true); // replies: signatures are letterhead
        int[] Resolve(string where, string alternatives) => alternatives.Split('|').Select(c =>
        {
            if (concepts.Contains(c)) return concepts.IdOf(c);
            errors.Add($"{where}: unknown concept '{c}'.");
            return -1;
        }).ToArray();

        var scopes = new Dictionary<string, CompiledScope>(StringComparer.Ordinal);
        foreach (var (scopeName, spec) in file.Scopes)
        {
            if (!Placements.Contains(spec.Where)) errors.Add($"scope '{scopeName}': 'where' must be one of {string.Join(", ", Placements)}.");
            scopes[scopeName] = new CompiledScope(scopeName, spec, Resolve($"scope '{scopeName}'", spec.Concept)[0],
                (spec.Unless ?? []).Select(u => Resolve($"scope '{scopeName}'", u)[0]).ToArray(),
                (spec.UnlessInText ?? []).Select(u => Resolve($"scope '{scopeName}'", u)[0]).ToArray());
        }

        var rules = new List<CompiledRule>();
        var specs = file.Rules.ToList();
        foreach (var rule in specs)
        {
            var where = $"rule '{rule.Id}'";
            if (rule.All.Count == 0) errors.Add($"{where}: 'all' lists no concept.");
            if (rule.Within is not (null or "clause" or "sentence" or "adjacent")) errors.Add($"{where}: 'within' must be 'clause', 'sentence' or 'adjacent'.");
            if (rule.Certainty == Certainty.Possible && string.IsNullOrWhiteSpace(rule.Reason)) errors.Add($"{where}: a Possible rule needs a Danish 'reason'.");
            if (rule.SubKind is not (null or AccessSubKind.GdprArticle15 or AccessSubKind.Offentlighedsloven)) errors.Add($"{where}: unknown subKind '{rule.SubKind}'.");
            CompiledScope[] ScopesOf(List<string>? names) => (names ?? []).Select(s =>
            {
                if (scopes.TryGetValue(s, out var scope)) return scope;
                errors.Add($"{where}: unknown scope '{s}'.");
                return null;
            }).OfType<CompiledScope>().ToArray();
            var subjectConcept = rule.SubjectConcept is null ? -1 : Resolve(where, rule.SubjectConcept)[0];
            var unlessSubject = rule.UnlessSubject is null ? -1 : Resolve(where, rule.UnlessSubject)[0];
            rules.Add(new CompiledRule(rule, rule.All.Select(a => Resolve(where, a)).ToArray(), ScopesOf(rule.Block), ScopesOf(rule.Downgrade),
                subjectConcept, unlessSubject));
        }
        if (specs.Select(r => r.Id).Distinct().Count() != specs.Count) errors.Add("rule ids must be unique.");
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{name} has {errors.Count} error(s):\n" + string.Join("\n", errors.Select(e => "  " + e)));
        }
        return new ScreeningRules(file, concepts, rules, scopes);
    }
}

/// <param name="Concepts">Per required place, the concept ids that fill it.</param>
/// <param name="SubjectConcept">Concept id the subject must contain, or -1.</param>
/// <param name="UnlessSubject">Concept id the subject must not contain, or -1.</param>
public sealed record CompiledRule(RuleSpec Spec, int[][] Concepts, CompiledScope[] Block, CompiledScope[] Downgrade, int SubjectConcept, int UnlessSubject)
{
    /// <summary><see cref="RuleSpec.Within"/> read once, as the matcher asks at every anchor.</summary>
    internal RuleUnit Unit { get; } = RuleMatcher.UnitOf(Spec.Within);
}

public sealed record CompiledScope(string Name, ScopeSpec Spec, int Concept, int[] Unless, int[] UnlessInText)
{
    /// <summary><see cref="ScopeSpec.Where"/> read once, as the matcher asks at every hit it places.</summary>
    internal ScopePlacement Placement { get; } = RuleMatcher.PlacementOf(Spec.Where);
}
