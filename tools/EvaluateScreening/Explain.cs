using SmartPost.Api.Screening;

namespace SmartPost.EvaluateScreening;

/// <summary>"--explain TEXT": how the core reads a text and which rules fire, for working on the rules.</summary>
internal static class Explain
{
    public static void Print(ScreeningRules rules, string text, TextWriter writer, bool rulesOnly = false, string? subject = null)
    {
        var document = rules.Concepts.Analyzer.Analyze(text);
        // The subject is context for the text's rules, as in ReplyScreener ("Sv: Afgørelse om …" makes dissatisfaction a complaint).
        var subjectConcepts = string.IsNullOrWhiteSpace(subject) ? null
            : rules.Concepts.Find(rules.Concepts.Analyzer.Analyze(subject)).Select(h => h.Concept).ToHashSet();
        var vocabulary = rules.Concepts.Analyzer.Vocabulary;
        foreach (var sentence in document.Sentences)
        {
            writer.Write(sentence.IsQuestion ? "? " : "  ");
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var t = document.Tokens[i];
                if (i > sentence.FirstToken && document.Tokens[i - 1].Clause != t.Clause) writer.Write("| ");
                writer.Write($"{document.Stem(t)}{(t.Term >= 0 ? "" : "·")}{(t.Fuzzy ? "~" + vocabulary[t.Term] : "")}{(t.Quoted ? "»" : "")} ");
            }
            writer.WriteLine();
        }
        foreach (var hit in rulesOnly ? [] : rules.Concepts.Find(document))
        {
            writer.WriteLine($"  {rules.Concepts.Names[hit.Concept]}: '{document.Excerpt(hit.First, hit.Last)}'{(hit.InCompound ? " (part)" : "")}");
        }
        foreach (var c in RuleMatcher.Match(rules, document, subjectConcepts))
        {
            var words = string.Join(" + ", c.Hits.Select(h => $"{rules.Concepts.Names[h.Concept]} '{document.Excerpt(h.First, h.Last)}'"));
            writer.WriteLine($"  => {c.Rule.Spec.Id} {c.Certainty}{(c.Blocked ? " BLOCKED" : "")}{(c.Scope is null ? "" : " by " + c.Scope)} {c.Reason} [{words}]");
        }
    }
}
