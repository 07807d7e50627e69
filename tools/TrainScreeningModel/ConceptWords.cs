using SmartPost.Api.Screening;
using SmartPost.Api.Text;

namespace SmartPost.Tools.TrainScreeningModel;

/// <summary>
/// The screening rules' concepts found in a model input text, as words the model reads after the stems: "@accessWord"
/// for each hit, and "@accessWord~neg" / "~cond" / "~3p" when the rules' negation, condition or third-person concept
/// stands before it as the rules' scopes look for them. A concept is a writer-independent name for many wordings
/// (and for misspellings the spelling tolerance reaches), so a model that reads them may meet a new writer's words
/// where their stems are new to it. An experiment of issue 10 (docs/screening-model.md, "Features for writers the model
/// has not seen"): it did not add recall on unseen writers, so no committed model reads it and the API does not compute it.
/// </summary>
public static class ConceptWords
{
    /// <summary>Appends the concept words of <paramref name="window"/> to <paramref name="words"/>, in text order.</summary>
    public static void Append(ScreeningRules rules, string window, List<string> words)
    {
        var concepts = rules.Concepts;
        using var document = concepts.Analyzer.Analyze(window);
        var hits = concepts.Find(document);
        var negation = IdOrNone(concepts, "negation");
        var condition = IdOrNone(concepts, "condition");
        var thirdPerson = IdOrNone(concepts, "thirdPerson");
        var tokens = document.Tokens;
        foreach (var hit in hits)
        {
            var name = "@" + concepts.Names[hit.Concept];
            words.Add(name);
            ref readonly var at = ref tokens[hit.First];
            bool neg = false, cond = false, third = false;
            foreach (var other in hits)
            {
                if (other.First >= hit.First) break;
                ref readonly var before = ref tokens[other.First];
                var distance = hit.First - other.Last;
                // The windows of the rules' own scopes: negation 6 words before in the clause, third person 5, a condition anywhere before in the sentence.
                if (other.Concept == negation && before.Clause == at.Clause && distance <= 6) neg = true;
                if (other.Concept == thirdPerson && before.Clause == at.Clause && distance <= 5) third = true;
                if (other.Concept == condition && before.Sentence == at.Sentence) cond = true;
            }
            if (neg) words.Add(name + "~neg");
            if (cond) words.Add(name + "~cond");
            if (third) words.Add(name + "~3p");
        }
    }

    private static int IdOrNone(ConceptSet concepts, string name) => concepts.Contains(name) ? concepts.IdOf(name) : -1;
}
