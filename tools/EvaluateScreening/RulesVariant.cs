using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using SmartPost.Api.Screening;

namespace SmartPost.EvaluateScreening;

/// <summary>
/// The rules file changed in memory for an experiment on the curve: some rules left out by id, or concepts and rules
/// added from a small file of the rules file's shape ({"concepts": {…}, "kinds": {"Complaint": {"rules": […]}}}); a rule
/// of the file with an existing rule's id replaces it, so a narrower version of a rule is tried in its place.
/// The committed rules file is never touched; a variant that wins is then written into it by hand.
/// </summary>
public sealed record RulesVariant(string Name, ScreeningRules Rules)
{
    public static RulesVariant Without(ScreeningRules rules, IReadOnlyCollection<string> ids)
    {
        var unknown = ids.Where(id => !rules.File.Rules.Any(r => r.Id == id)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"--without: no rule with id {string.Join(", ", unknown)}.");
        var file = Copy(rules.File);
        foreach (var kind in file.Kinds.Keys.ToList())
            file.Kinds[kind] = file.Kinds[kind] with { Rules = file.Kinds[kind].Rules.Where(r => !ids.Contains(r.Id)).ToList() };
        return new($"without {string.Join(",", ids)}", ScreeningRules.Compile(file, "variant"));
    }

    public static RulesVariant Adding(ScreeningRules rules, string path)
    {
        var settings = new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error, Converters = [new StringEnumConverter()] };
        var added = JsonConvert.DeserializeObject<ScreeningRulesFile>(File.ReadAllText(path), settings)
            ?? throw new ArgumentException($"{path} is empty.");
        var file = Copy(rules.File);
        foreach (var (name, words) in added.Concepts) file.Concepts[name] = words;
        var replaced = added.Kinds.Values.SelectMany(k => k.Rules).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var kind in file.Kinds.Keys.ToList())
            file.Kinds[kind] = file.Kinds[kind] with { Rules = file.Kinds[kind].Rules.Where(r => !replaced.Contains(r.Id)).ToList() };
        foreach (var (kind, spec) in added.Kinds)
            file.Kinds[kind] = file.Kinds[kind] with { Rules = [.. file.Kinds[kind].Rules, .. spec.Rules] };
        return new($"with {Path.GetFileNameWithoutExtension(path)}", ScreeningRules.Compile(file, "variant"));
    }

    private static ScreeningRulesFile Copy(ScreeningRulesFile file) => new()
    {
        Version = file.Version,
        ReplyPrefixes = file.ReplyPrefixes,
        ClauseWords = file.ClauseWords,
        Concepts = new Dictionary<string, List<string>>(file.Concepts),
        Scopes = file.Scopes,
        Kinds = new Dictionary<FlagKind, KindSpec>(file.Kinds),
    };
}
