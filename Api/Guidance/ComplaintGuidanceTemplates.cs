using Newtonsoft.Json;

namespace SmartPost.Api.Guidance;

/// <summary>A team's standard klagevejledning for one kind of letter: the heading first, then the paragraphs.</summary>
/// <param name="Team">The team whose text it is; null for the default every team gets.</param>
/// <param name="AppealBody">Who decides the complaint ("Trafikstyrelsen").</param>
/// <param name="DeadlineWeeks">The complaint deadline in weeks from receipt.</param>
public sealed record ComplaintGuidanceTemplate(GuidanceCategory Kind, string? Team, string AppealBody, int DeadlineWeeks, IReadOnlyList<string> Paragraphs)
{
    public static ComplaintGuidanceTemplate Example => new(GuidanceCategory.Decision, null, "Trafikstyrelsen", 4,
    [
        "Klagevejledning",
        "Du kan klage over afgørelsen til Trafikstyrelsen. Klagen skal sendes til Færdselsstyrelsen senest 4 uger efter, at du har modtaget afgørelsen.",
    ]);
}

/// <summary>
/// The klagevejledning texts of Api/Rules/complaint-guidance-templates.json, read and checked once at start-up: every
/// kind that needs a klagevejledning has a default text, and each text names its appeal body and its deadline.
/// </summary>
public sealed class ComplaintGuidanceTemplates
{
    private readonly IReadOnlyList<ComplaintGuidanceTemplate> _templates;

    private ComplaintGuidanceTemplates(IReadOnlyList<ComplaintGuidanceTemplate> templates) => _templates = templates;

    /// <summary>The kinds whose letters must carry a klagevejledning (the guideline's "(Klagevejledning)" lines).</summary>
    public static readonly IReadOnlySet<GuidanceCategory> KindsThatNeedOne = new HashSet<GuidanceCategory>
    {
        GuidanceCategory.Decision, GuidanceCategory.Approval, GuidanceCategory.ControlDrivingTestSummons,
        GuidanceCategory.DeadlineExtension, GuidanceCategory.AccessToRecordsDecision,
    };

    /// <summary>The team's own text for the kind, else the default; null when the kind needs no klagevejledning.</summary>
    public ComplaintGuidanceTemplate? For(GuidanceCategory kind, string? team) =>
        _templates.FirstOrDefault(t => t.Kind == kind && team is not null && string.Equals(t.Team, team, StringComparison.OrdinalIgnoreCase))
        ?? _templates.FirstOrDefault(t => t.Kind == kind && t.Team is null);

    public static ComplaintGuidanceTemplates Load(string path)
    {
        if (!File.Exists(path)) throw new GuidelineRulesException(path, ["the file does not exist (setting Guidance:ComplaintGuidanceTemplatesPath)"]);
        TemplatesFile? file;
        try
        {
            file = JsonConvert.DeserializeObject<TemplatesFile>(File.ReadAllText(path),
                new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error });
        }
        catch (JsonException e)
        {
            throw new GuidelineRulesException(path, [$"not valid templates JSON: {e.Message}"]);
        }

        var errors = new List<string>();
        var templates = new List<ComplaintGuidanceTemplate>();
        foreach (var (t, i) in (file?.Templates ?? []).Select((t, i) => (t, i)))
        {
            var where = $"templates[{i}]";
            if (!Enum.TryParse<GuidanceCategory>(t.Kind, out var kind) || !KindsThatNeedOne.Contains(kind))
                errors.Add($"{where}: kind \"{t.Kind}\" is not one of {string.Join(", ", KindsThatNeedOne)}");
            if (string.IsNullOrWhiteSpace(t.AppealBody)) errors.Add($"{where}: appealBody (who decides the complaint) is missing");
            if (t.DeadlineWeeks is not (>= 1 and <= 52)) errors.Add($"{where}: deadlineWeeks must be 1 … 52");
            if (t.Paragraphs is not { Count: >= 2 } || t.Paragraphs.Any(string.IsNullOrWhiteSpace))
                errors.Add($"{where}: paragraphs needs a heading and at least one paragraph, none empty");
            else if (!t.Paragraphs.Skip(1).Any(p => p.Contains(t.AppealBody ?? "\0", StringComparison.Ordinal)))
                errors.Add($"{where}: no paragraph names the appeal body \"{t.AppealBody}\"");
            if (errors.Count == 0) templates.Add(new(kind, t.Team, t.AppealBody!, t.DeadlineWeeks!.Value, t.Paragraphs!));
        }
        foreach (var kind in KindsThatNeedOne.Where(k => !templates.Any(t => t.Kind == k && t.Team is null)))
            errors.Add($"templates: no default (team null) text for {kind}");
        if (errors.Count > 0) throw new GuidelineRulesException(path, errors);
        return new ComplaintGuidanceTemplates(templates);
    }

    private sealed class TemplatesFile
    {
        public string? About { get; set; }
        public List<TemplateDefinition>? Templates { get; set; }
    }

    private sealed class TemplateDefinition
    {
        public string? Kind { get; set; }
        public string? Team { get; set; }
        public string? AppealBody { get; set; }
        public int? DeadlineWeeks { get; set; }
        public List<string>? Paragraphs { get; set; }
    }
}
