using System.Text.RegularExpressions;
using SmartPost.Api.Text;

namespace SmartPost.Api.Guidance;

/// <summary>
/// Checks a rules file field by field, collecting every problem (so an administrator fixes them in one go),
/// and compiles the phrases into the two matchers.
/// </summary>
internal sealed partial class GuidelineRulesValidator(string path)
{
    private readonly List<Phrase> _titlePhrases = new();
    private readonly List<PhraseEntry> _titleEntries = new();
    private readonly List<Phrase> _textPhrases = new();
    private readonly List<PhraseEntry> _textEntries = new();

    public List<string> Errors { get; } = new();

    public CompiledGuideline? Compile(GuidelineRulesFile file)
    {
        var complaintId = CompileConcept(file.ComplaintGuidance, "complaintGuidance", "complaint-guidance",
            PhraseRole.ComplaintGuidance, PhraseRole.ComplaintGuidanceIgnore);
        var selfServiceId = CompileConcept(file.SelfService, "selfService", "self-service", PhraseRole.SelfService, PhraseRole.SelfServiceIgnore);
        var negation = file.Negation ?? new NegationDefinition();
        var window = negation.Window ?? 3;
        if (window is < 1 or > 9) Errors.Add($"negation.window: {window} is outside 1 … 9");

        var rules = new List<CompiledRule>();
        if (file.Rules is not { Count: > 0 }) Errors.Add("rules: there are no rules");
        for (var i = 0; i < (file.Rules?.Count ?? 0); i++)
        {
            var rule = CompileRule(file.Rules![i], i, rules.Count);
            if (rule is not null) rules.Add(rule);
        }
        CheckRuleSet(rules);

        if (Errors.Count > 0) return null;
        var negationWords = FoldAll(negation.Words ?? ["ikke", "ingen"]);
        var conditionalWords = FoldAll(negation.ConditionalWords ?? ["hvis"]);
        var phraseWords = _titlePhrases.Concat(_textPhrases).SelectMany(p => p.Words).ToList();
        var lexicon = new WordLexicon(
            phraseWords.SelectMany(w => w.Exact).Concat(negationWords).Concat(conditionalWords),
            phraseWords.SelectMany(w => w.Prefixes));
        return new CompiledGuideline(
            path,
            rules,
            lexicon,
            new FieldMatcher(new PhraseMatcher(_titlePhrases, lexicon), _titleEntries.ToArray()),
            new FieldMatcher(new PhraseMatcher(_textPhrases, lexicon), _textEntries.ToArray()),
            complaintId,
            selfServiceId,
            lexicon.SetOf(negationWords, []),
            lexicon.SetOf(conditionalWords, []),
            window);
    }

    private string CompileConcept(ComplaintGuidanceDefinition? definition, string name, string defaultId, PhraseRole role, PhraseRole ignore)
    {
        if (definition?.Phrases is not { Count: > 0 })
        {
            Errors.Add($"{name}.phrases: at least one phrase is needed to recognise it in a letter");
            return defaultId;
        }
        AddPhrases(definition.Phrases, $"{name}.phrases", new PhraseEntry(role, -1), text: true);
        AddPhrases(definition.IgnoreSentencesWith, $"{name}.ignoreSentencesWith", new PhraseEntry(ignore, -1), text: true);
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

        var hasCues = (rule.Title?.Count ?? 0) + (rule.Text?.Count ?? 0) + (rule.DocumentTypes?.Count ?? 0) > 0;
        if (!hasCues && !rule.Fallback && !rule.WhenCaseClosed)
            Errors.Add($"{where}: the rule can never match: give it title, text or documentTypes phrases");

        AddPhrases(rule.Title, $"{where}: title", new PhraseEntry(PhraseRole.Cue, index), text: false);
        AddPhrases(rule.Text, $"{where}: text", new PhraseEntry(PhraseRole.Cue, index), text: true);
        AddPhrases(rule.Unless, $"{where}: unless", new PhraseEntry(PhraseRole.Veto, index), text: true);
        AddPhrases(rule.Unless, $"{where}: unless", new PhraseEntry(PhraseRole.Veto, index), text: false, report: false);
        AddPhrases(rule.IgnoreSentencesWith, $"{where}: ignoreSentencesWith", new PhraseEntry(PhraseRole.IgnoreSentence, index), text: true);
        var documentTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, k) in (rule.DocumentTypes ?? []).Select((t, k) => (t, k)))
        {
            if (string.IsNullOrWhiteSpace(type)) Errors.Add($"{where}: documentTypes[{k}] is empty");
            else documentTypes.Add(CompiledGuideline.NormalizeDocumentType(type));
        }

        if (Errors.Count > errorsBefore) return null;
        return new CompiledRule(index, rule.Id!, category, rule.Name!, recommendation, rule.Priority!.Value, rule.GuidelineLine!.Trim(),
            complaint, rule.Formal, rule.WhenCaseClosed, rule.Fallback, rule.Negatable, documentTypes);
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

    private void AddPhrases(List<string>? phrases, string where, PhraseEntry entry, bool text, bool report = true)
    {
        for (var k = 0; k < (phrases?.Count ?? 0); k++)
        {
            var phrase = Phrase.TryParse(phrases![k], out var error);
            if (phrase is null)
            {
                if (report) Errors.Add($"{where}[{k}] \"{phrases[k]}\": {error}");
                continue;
            }
            (text ? _textPhrases : _titlePhrases).Add(phrase);
            (text ? _textEntries : _titleEntries).Add(entry);
        }
    }

    private T ParseEnum<T>(string? value, string where) where T : struct, Enum
    {
        if (Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            return parsed;
        Errors.Add($"{where} \"{value}\" is not one of {string.Join(", ", Enum.GetNames<T>())}");
        return default;
    }

    private static HashSet<string> FoldAll(IEnumerable<string> words) =>
        words.Select(DanishText.Fold).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RuleIdPattern();
}
