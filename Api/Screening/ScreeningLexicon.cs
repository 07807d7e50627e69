using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>The lexicon compiled once for the app's lifetime: every phrase parsed and indexed.</summary>
public sealed class ScreeningLexicon
{
    private ScreeningLexicon(LexiconFile file, List<Phrase> phrases)
    {
        File = file;
        Index = new PhraseIndex(phrases);
        PhraseCount = phrases.Count;
        EchoPrefixes = file.EchoSubjectPrefixes.Select(p => p.Trim().ToLowerInvariant()).ToArray();
        NegationNotFollowedBy = file.Negation.NotFollowedBy.Select(DanishText.Fold).ToHashSet(StringComparer.Ordinal);
        NegationBridges = file.Negation.Bridges.Select(DanishText.Fold).ToHashSet(StringComparer.Ordinal);
    }

    public LexiconFile File { get; }
    public int PhraseCount { get; }
    internal PhraseIndex Index { get; }
    internal string[] EchoPrefixes { get; }
    internal HashSet<string> NegationNotFollowedBy { get; }
    internal HashSet<string> NegationBridges { get; }

    /// <summary>Reads and validates the lexicon; throws <see cref="InvalidOperationException"/> listing every problem.</summary>
    public static ScreeningLexicon Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidOperationException($"Screening lexicon not found: '{path}' (setting Screening:LexiconPath).");
        }
        return Parse(System.IO.File.ReadAllText(path), path);
    }

    public static ScreeningLexicon Parse(string json, string source = "screening-lexicon.json")
    {
        LexiconFile? file;
        try
        {
            var settings = new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error };
            settings.Converters.Add(new StringEnumConverter { AllowIntegerValues = false });
            file = JsonConvert.DeserializeObject<LexiconFile>(json, settings);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Screening lexicon '{source}' is not valid: {e.Message}", e);
        }
        if (file is null) throw new InvalidOperationException($"Screening lexicon '{source}' is empty.");

        var errors = new List<string>();
        var phrases = Compile(file, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"Screening lexicon '{source}' has {errors.Count} error(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors));
        }
        return new ScreeningLexicon(file, phrases);
    }

    private static List<Phrase> Compile(LexiconFile file, List<string> errors)
    {
        var phrases = new List<Phrase>();
        void Add(string where, IEnumerable<string> sources, PhraseRole role, int owner, int maxGap = 3, int fuzzy = 0)
        {
            var i = 0;
            foreach (var source in sources)
            {
                try
                {
                    phrases.Add(Phrase.Parse(source ?? "", role, owner, maxGap, fuzzy, file.FuzzyMinLength));
                }
                catch (FormatException e)
                {
                    errors.Add($"{where}[{i}] \"{source}\": {e.Message}");
                }
                i++;
            }
        }

        if (file.Version != 1) errors.Add($"version: expected 1, found {file.Version}");
        if (file.FuzzyMinLength < 5) errors.Add("fuzzyMinLength: must be at least 5 (short words are matched exactly)");
        Add("clauseBreaks", file.ClauseBreaks, PhraseRole.ClauseBreak, 0);
        Add("negation.cues", file.Negation.Cues, PhraseRole.Negation, 0);
        Add("conditional.cues", file.Conditional.Cues, PhraseRole.Conditional, 0);
        Add("conditionalAfter.cues", file.ConditionalAfter.Cues, PhraseRole.ConditionalAfter, 0);
        Add("conditionalInClause.cues", file.ConditionalInClause.Cues, PhraseRole.ConditionalInClause, 0);
        Add("definitionQuestion.cues", file.DefinitionQuestion.Cues, PhraseRole.Definition, 0);
        Add("statusInquiry.cues", file.StatusInquiry.Cues, PhraseRole.Status, 0);
        Add("boilerplate.cues", file.Boilerplate.Cues, PhraseRole.Boilerplate, 0);
        RequireCues(errors, "negation", file.Negation);
        RequireCues(errors, "conditional", file.Conditional);
        RequireCues(errors, "conditionalAfter", file.ConditionalAfter);
        RequireCues(errors, "conditionalInClause", file.ConditionalInClause);
        if (file.Quotes.LinePrefixes.Count == 0) errors.Add("quotes.linePrefixes: at least one quote marker (e.g. \">\") is required");

        for (var e = 0; e < file.Exclusions.Count; e++)
        {
            var rule = file.Exclusions[e];
            if (rule.Cues.Count == 0) errors.Add($"exclusions[{e}] \"{rule.Name}\": cues must not be empty");
            if (rule.WindowBefore is < 0 or > 20 || rule.WindowAfter is < 0 or > 20)
                errors.Add($"exclusions[{e}] \"{rule.Name}\": windows must be 0 to 20 words");
            Add($"exclusions[{e}].cues", rule.Cues, PhraseRole.Exclusion, e);
        }

        if (file.Terms.Count == 0) errors.Add("terms: at least one term group is required");
        for (var g = 0; g < file.Terms.Count; g++)
        {
            var group = file.Terms[g];
            var where = $"terms[{g}] \"{group.Name}\"";
            if (group.Kind is null) errors.Add($"{where}: kind is required (AccessToRecordsRequest, Complaint, DeadlineExtensionRequest)");
            if (group.SubKind is not null and not (AccessSubKind.Offentlighedsloven or AccessSubKind.GdprArticle15))
                errors.Add($"{where}: subKind must be Offentlighedsloven or GdprArticle15");
            if (group.Fuzzy is < 0 or > 3) errors.Add($"{where}: fuzzy must be 0 to 3 edits");
            if (group.MaxGap is < 0 or > 12) errors.Add($"{where}: maxGap must be 0 to 12");
            if (group.Phrases.Count == 0) errors.Add($"{where}: phrases must not be empty");
            Add($"{where}.phrases", group.Phrases, PhraseRole.Term, g, group.MaxGap, group.Fuzzy);
            Add($"{where}.notAfter", group.NotAfter, PhraseRole.NotAfter, g);
            Add($"{where}.notWith", group.NotWith, PhraseRole.NotWith, g);
            if (group.NearSentences is < 0 or > 3) errors.Add($"{where}: nearSentences must be 0 to 3");
            if (group.NearInSubject && group.Near.Count == 0) errors.Add($"{where}: nearInSubject needs near anchors");
            Add($"{where}.near", group.Near, PhraseRole.Near, g, group.MaxGap);
        }
        return phrases;
    }

    private static void RequireCues(List<string> errors, string name, CueSet set)
    {
        if (set.Cues.Count == 0) errors.Add($"{name}.cues: must not be empty");
        if (set.WindowBefore is < 0 or > 20 || set.WindowAfter is < 0 or > 20) errors.Add($"{name}: windows must be 0 to 20 words");
    }
}
