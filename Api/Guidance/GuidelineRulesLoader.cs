using Newtonsoft.Json;

namespace SmartPost.Api.Guidance;

/// <summary>The rules file cannot be used; the message names the file, the rule and what is wrong.</summary>
public sealed class GuidelineRulesException(string path, IReadOnlyList<string> errors)
    : Exception($"Guidance rules file '{path}' is invalid; the API does not start until it is fixed:"
        + string.Concat(errors.Select(e => $"{Environment.NewLine}  - {e}")))
{
    public string RulesPath { get; } = path;
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Reads the rules file, validates every field and compiles it (<see cref="GuidelineRulesValidator"/>).</summary>
internal static class GuidelineRulesLoader
{
    private static readonly JsonSerializerSettings Strict = new()
    {
        // A misspelt field name ("titel") must be an error, not a silently ignored rule part.
        MissingMemberHandling = MissingMemberHandling.Error,
        ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver(),
    };

    public static CompiledGuideline Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new GuidelineRulesException(path, ["the file does not exist (setting Guidance:RulesPath)"]);
        }
        return Parse(File.ReadAllText(path), path);
    }

    public static CompiledGuideline Parse(string json, string path)
    {
        GuidelineRulesFile? file;
        try
        {
            file = JsonConvert.DeserializeObject<GuidelineRulesFile>(json, Strict);
        }
        catch (JsonException e)
        {
            throw new GuidelineRulesException(path, [$"not valid rules JSON: {e.Message}"]);
        }
        if (file is null)
        {
            throw new GuidelineRulesException(path, ["the file is empty"]);
        }

        var validator = new GuidelineRulesValidator(path);
        var compiled = validator.Compile(file);
        if (validator.Errors.Count > 0 || compiled is null)
        {
            throw new GuidelineRulesException(path, validator.Errors);
        }
        return compiled;
    }
}
