using SmartPost.Api.Text;

namespace SmartPost.Api.Tests.TextCore;

/// <summary>A concept set built from a test's own lemmas, and what it finds in a text as "concept:excerpt".</summary>
internal sealed class ConceptFinder(Dictionary<string, List<string>> concepts)
{
    private readonly ConceptSet _concepts = Build(concepts);

    public TextAnalyzer Analyzer => _concepts.Analyzer;

    public List<string> Found(string text)
    {
        var document = _concepts.Analyzer.Analyze(text);
        return _concepts.Find(document).Select(h => $"{_concepts.Names[h.Concept]}:{document.Excerpt(h.First, h.Last)}").ToList();
    }

    private static ConceptSet Build(Dictionary<string, List<string>> concepts)
    {
        var errors = new List<string>();
        var set = ConceptSet.Build(concepts, ["men"], errors);
        Assert.Empty(errors);
        return set;
    }
}
