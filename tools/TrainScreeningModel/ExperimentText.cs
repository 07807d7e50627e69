using System.Text.RegularExpressions;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;
using SmartPost.Api.Text;

namespace SmartPost.Tools.TrainScreeningModel;

/// <summary>The model text of the feature sets under study (issue 10): the stems, plus concept words and/or dictionary lemmas.</summary>
public static partial class ExperimentText
{
    private static readonly Lazy<ScreeningRules> Rules = new(() => ScreeningRules.Load(RulesPath()));

    public static string Of(string inputText, FeatureKind features)
    {
        if (features == FeatureKind.Characters) return inputText;
        var words = TextAnalyzer.Stems(inputText);
        if (features is FeatureKind.StemsConcepts or FeatureKind.StemsConceptsLemmas) ConceptWords.Append(Rules.Value, inputText, words);
        if (features is FeatureKind.StemsLemmas or FeatureKind.StemsConceptsLemmas)
        {
            foreach (Match word in Word().Matches(inputText))
            {
                var lemmas = DanishDictionary.Lemmas(word.Value);
                if (lemmas is not null) words.Add("=" + lemmas[0]);
            }
        }
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    private static string RulesPath()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "Api", "Rules", "screening-concepts.json");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("Api/Rules/screening-concepts.json not found above the working directory.");
    }
}
