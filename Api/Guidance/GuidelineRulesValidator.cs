using System.Text.RegularExpressions;
using SmartPost.Api.Text;

namespace SmartPost.Api.Guidance;

/// <summary>
/// Checks a rules file field by field, collecting every problem (so an administrator fixes them in one go),
/// and compiles the phrases into the two matchers.
/// </summary>
internal sealed partial class GuidelineRulesValidator(string path)
{
    // Each cue is a concept of its own (named by its position), so a hit names the cue that matched.
    private readonly Dictionary<string, List<string>> _concepts = new(StringComparer.Ordinal);
    private readonly List<CueEntry> _cues = new();
    private readonly List<string> _where = new();

    public List<string> Errors { get; } = new();

    public CompiledGuideline? Compile(GuidelineRulesFile file)
    {
        var authority = file.Authority ?? [];
        if (authority.Any(w => string.IsNullOrWhiteSpace(w) || w.Contains(' ') || w.Contains('|')))
            Errors.Add("authority: each entry is one word (the agency's name for itself, read as \"vi\")");
        var complaintId = CompileConcept(file.ComplaintGuidance, "complaintGuidance", "complaint-guidance",
            CueRole.ComplaintGuidance, CueRole.ComplaintGuidanceIgnore);
        AddCues(file.ComplaintGuidance?.Right, "complaintGuidance.right", new CueEntry(CueRole.ComplaintRight, -1, false, default), text: true);
        AddCues(file.ComplaintGuidance?.ToWhomOrByWhen, "complaintGuidance.toWhomOrByWhen", new CueEntry(CueRole.ComplaintToWhomOrByWhen, -1, false, default), text: true);
        if ((file.ComplaintGuidance?.Right is { Count: > 0 }) != (file.ComplaintGuidance?.ToWhomOrByWhen is { Count: > 0 }))
            Errors.Add("complaintGuidance: right and toWhomOrByWhen go together (a right to complain is a klagevejledning only with to whom or by when)");
        var selfServiceId = CompileConcept(file.SelfService, "selfService", "self-service", CueRole.SelfService, CueRole.SelfServiceIgnore);
        if (file.SelfService?.Right is not null || file.SelfService?.ToWhomOrByWhen is not null)
            Errors.Add("selfService: right and toWhomOrByWhen belong to complaintGuidance");
        var negation = file.Negation ?? new NegationDefinition();
        var window = negation.Window ?? 3;
        if (window is < 1 or > 9) Errors.Add($"negation.window: {window} is outside 1 … 9");

        var rules = new List<CompiledRule>();
        // Only the rules' cues: in a klagevejledning the agency is where a complaint goes ("klage til Færdselsstyrelsen,
        // som sender klagen videre"), not the "vi" that forwards a complaint already made.
        _authority = authority;
        if (file.Rules is not { Count: > 0 }) Errors.Add("rules: there are no rules");
        for (var i = 0; i < (file.Rules?.Count ?? 0); i++)
        {
            var rule = CompileRule(file.Rules![i], i, rules.Count);
            if (rule is not null) rules.Add(rule);
        }
        _authority = [];
        CheckRuleSet(rules);

        AddCues(negation.Words ?? ["ikke", "ingen"], "negation.words", new CueEntry(CueRole.Negation, -1, false, default), text: true);
        AddCues(negation.ConditionalWords ?? ["hvis"], "negation.conditionalWords", new CueEntry(CueRole.Condition, -1, false, default), text: true);
        if (Errors.Count > 0) return null;

        var conceptErrors = new List<string>();
        var concepts = ConceptSet.Build(_concepts, [], conceptErrors);
        foreach (var error in conceptErrors) Errors.Add(NameCue(error));
        if (Errors.Count > 0) return null;
        var cues = new CueEntry[concepts.Names.Count];
        for (var k = 0; k < _cues.Count; k++) cues[concepts.IdOf(ConceptName(k))] = _cues[k];
        return new CompiledGuideline(path, rules, concepts, cues, complaintId, selfServiceId, window);
    }

    private static string ConceptName(int cue) => $"cue{cue}";

    // The agency's names for itself (file.Authority), added to every "vi" of a cue.
    private List<string> _authority = [];

    /// <summary>"vi|jeg ..2 godkender" also reads "styrelsen|færdselsstyrelsen ..2 godkender": the agency as subject in the third person.</summary>
    private string WithAuthority(string lemma)
    {
        if (_authority.Count == 0) return lemma;
        var steps = lemma.Split(' ');
        for (var k = 0; k < steps.Length; k++)
        {
            if (steps[k].Split('|').Contains("vi")) steps[k] = string.Join('|', steps[k].Split('|').Concat(_authority));
        }
        return string.Join(' ', steps);
    }

    /// <summary>The text core names the concept ("concept 'cue12'"); the administrator needs the rule and field.</summary>
    private string NameCue(string error)
    {
        var match = CueName().Match(error);
        return match.Success ? $"{_where[int.Parse(match.Groups[1].Value)]}: {error[(match.Index + match.Length)..].TrimStart(',', ' ')}" : error;
    }

    private string CompileConcept(ComplaintGuidanceDefinition? definition, string name, string defaultId, CueRole role, CueRole ignore)
    {
        if (definition?.Phrases is not { Count: > 0 })
        {
            Errors.Add($"{name}.phrases: at least one phrase is needed to recognise it in a letter");
            return defaultId;
        }
        AddCues(definition.Phrases, $"{name}.phrases", new CueEntry(role, -1, false, default), text: true);
        AddCues(definition.IgnoreSentencesWith, $"{name}.ignoreSentencesWith", new CueEntry(ignore, -1, false, default), text: true);
        return string.IsNullOrWhiteSpace(definition.Id) ? defaultId : definition.Id;
    }

    private CompiledRule? CompileRule(RuleDefinition? rule, int position, int index)
    {
        var where = $"rules[{position}] '{rule?.Id}'";
        if (rule is null)
        {
            Errors.Add($"rules[{position}]: empty rule");
            return null;
        }
        var errorsBefore = Errors.Count;
        if (string.IsNullOrWhiteSpace(rule.Id) || !RuleIdPattern().IsMatch(rule.Id))
            Errors.Add($"{where}: id must be lower-case letters, digits and dashes, e.g. \"access-to-records-decision\"");
        var category = ParseEnum<GuidanceCategory>(rule.Category, $"{where}: category");
        var recommendation = ParseEnum<ReplyOption>(rule.Recommendation, $"{where}: recommendation");
        if (recommendation == ReplyOption.PhysicalMail)
            Errors.Add($"{where}: recommendation PhysicalMail is decided by the Digital Post register, not by a rule; use WithReply or WithoutReply");
        var complaint = rule.ComplaintGuidance is null ? ComplaintGuidanceRule.Optional
            : ParseEnum<ComplaintGuidanceRule>(rule.ComplaintGuidance, $"{where}: complaintGuidance");
        if (rule.Priority is not (>= 0 and <= 1000)) Errors.Add($"{where}: priority must be a number from 0 to 1000");
        if (string.IsNullOrWhiteSpace(rule.GuidelineLine)) Errors.Add($"{where}: guidelineLine must quote the guideline line the rule implements");
        if (string.IsNullOrWhiteSpace(rule.Name)) Errors.Add($"{where}: name (Danish display name) is missing");

        var hasCues = (rule.Title?.Count ?? 0) + (rule.Text?.Count ?? 0) + (rule.Operative?.Count ?? 0) + (rule.DocumentTypes?.Count ?? 0) > 0;
        if (!hasCues && !rule.Fallback && !rule.WhenCaseClosed)
            Errors.Add($"{where}: the rule can never match: give it title, text or documentTypes phrases");

        var cue = new CueEntry(CueRole.Cue, index, false, default);
        AddCues(rule.Title, $"{where}: title", cue, text: false);
        AddCues(rule.Text, $"{where}: text", cue, text: true);
        AddCues(rule.Operative, $"{where}: operative", cue with { Operative = true }, text: true);
        AddCues(rule.Operative, $"{where}: operative", cue with { Operative = true }, text: false);
        AddCues(rule.Requires, $"{where}: requires", cue with { Role = CueRole.Requirement }, text: true);
        AddCues(rule.Requires, $"{where}: requires", cue with { Role = CueRole.Requirement }, text: false);
        AddCues(rule.Unless, $"{where}: unless", cue with { Role = CueRole.Veto }, text: true);
        AddCues(rule.Unless, $"{where}: unless", cue with { Role = CueRole.Veto }, text: false);
        AddCues(rule.UnlessTitleSilent, $"{where}: unlessTitleSilent", cue with { Role = CueRole.TitleSilentVeto }, text: true);
        AddCues(rule.UnlessTitleSilent, $"{where}: unlessTitleSilent", cue with { Role = CueRole.Veto }, text: false);
        AddCues(rule.IgnoreSentencesWith, $"{where}: ignoreSentencesWith", cue with { Role = CueRole.IgnoreSentence }, text: true);
        AddCues(rule.IgnoreClausesWith, $"{where}: ignoreClausesWith", cue with { Role = CueRole.IgnoreClause }, text: true);
        var documentTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, k) in (rule.DocumentTypes ?? []).Select((t, k) => (t, k)))
        {
            if (string.IsNullOrWhiteSpace(type)) Errors.Add($"{where}: documentTypes[{k}] is empty");
            else documentTypes.Add(CompiledGuideline.NormalizeDocumentType(type));
        }

        if (Errors.Count > errorsBefore) return null;
        return new CompiledRule(index, rule.Id!, category, rule.Name!, recommendation, rule.Priority!.Value, rule.GuidelineLine!.Trim(),
            complaint, rule.Formal, rule.WhenCaseClosed, rule.Fallback, rule.Negatable, documentTypes, rule.Requires is { Count: > 0 },
            rule.AppendedSection);
    }

    private void CheckRuleSet(List<CompiledRule> rules)
    {
        foreach (var duplicate in rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
            Errors.Add($"rules: id '{duplicate.Key}' is used by {duplicate.Count()} rules");
        var fallbacks = rules.Count(r => r.Fallback);
        if (fallbacks != 1) Errors.Add($"rules: exactly one rule must have \"fallback\": true (found {fallbacks})");
        // "SmartPost skal altid anvendes, når du venter et svar tilbage": an expected answer beats every formal category.
        var lowestWithReply = rules.Where(r => r.Recommendation == ReplyOption.WithReply).Select(r => r.Priority).DefaultIfEmpty(int.MaxValue).Min();
        foreach (var r in rules.Where(r => r.Recommendation == ReplyOption.WithoutReply && r.Priority >= lowestWithReply))
            Errors.Add($"rules '{r.Id}': priority {r.Priority} must be below every WithReply rule ({lowestWithReply}): an expected answer always wins");
    }

    /// <summary>Each cue: a lemma in the text core's syntax with the guidance's sentence anchors (<see cref="SentenceAnchors"/>).</summary>
    private void AddCues(List<string>? cues, string where, CueEntry entry, bool text)
    {
        for (var k = 0; k < (cues?.Count ?? 0); k++)
        {
            var (lemma, anchors) = SentenceAnchors.Split(cues![k] ?? "");
            if (lemma.Length == 0)
            {
                Errors.Add($"{where}[{k}] \"{cues[k]}\": the cue is empty");
                continue;
            }
            _concepts[ConceptName(_cues.Count)] = [WithAuthority(lemma)];
            _cues.Add(entry with { InTitle = !text, Anchors = anchors });
            _where.Add($"{where}[{k}] \"{cues[k]}\"");
        }
    }

    private T ParseEnum<T>(string? value, string where) where T : struct, Enum
    {
        if (Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            return parsed;
        Errors.Add($"{where} \"{value}\" is not one of {string.Join(", ", Enum.GetNames<T>())}");
        return default;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex("concept 'cue([0-9]+)'(, lemma '[^']*')?:?")]
    private static partial Regex CueName();
}
