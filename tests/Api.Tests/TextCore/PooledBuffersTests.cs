using SmartPost.Api.Screening;
using SmartPost.Api.Tests.Screening;
using SmartPost.Api.Text;

namespace SmartPost.Api.Tests.TextCore;

/// <summary>
/// The text core and the screening reuse their working memory (pooled arrays, a spare list per thread): a reused buffer
/// must never carry one text's words, hits or flags into the next.
/// </summary>
public class PooledBuffersTests
{
    private const string Long = "Jeg vil gerne klage over afgørelsen. Kan jeg få aktindsigt i sagen, men ikke i notatet? Send mig kopien.\n\n";
    private const string Short = "Kan jeg få udsat fristen til efter ferien?";

    [Fact]
    public void ADocumentReadAfterADisposedOneIsReadAsIfFresh()
    {
        var analyzer = TestScreener.Rules.Concepts.Analyzer;
        var first = analyzer.Analyze(string.Concat(Enumerable.Repeat(Long, 40)));
        Assert.True(first.Tokens.Length > 500);
        first.Dispose();

        using var second = analyzer.Analyze(Short);
        var expected = analyzer.AnalyzeWithLucene(Short);
        Assert.True(expected.Tokens.SequenceEqual(second.Tokens));
        Assert.Equal(expected.Sentences, second.Sentences);
        Assert.Equal(expected.Clauses, second.Clauses);
        for (var i = 0; i < expected.Tokens.Length; i++)
        {
            Assert.True(expected.Stem(i).SequenceEqual(second.Stem(i)));
            Assert.True(expected.Parts(expected.Tokens[i]).SequenceEqual(second.Parts(second.Tokens[i])));
        }
    }

    [Fact]
    public void ADisposedDocumentHasNoWordsSentencesOrClauses()
    {
        var document = TestScreener.Rules.Concepts.Analyzer.Analyze(Long);
        Assert.NotEmpty(document.Sentences);
        document.Dispose();
        document.Dispose();

        Assert.Equal(0, document.Tokens.Length);
        Assert.Empty(document.Sentences);
        Assert.Empty(document.Clauses);
    }

    [Fact]
    public void AThreadListIsLentEmptyAndNeverTwiceAtOnce()
    {
        var first = ThreadLists<int>.Rent();
        first.AddRange([1, 2, 3]);
        var second = ThreadLists<int>.Rent();
        Assert.NotSame(first, second);
        Assert.Empty(second);

        ThreadLists<int>.Return(first, keepUpTo: 100);
        var again = ThreadLists<int>.Rent();
        Assert.Same(first, again);
        Assert.Empty(again);
    }

    [Fact]
    public void AThreadListGrownBeyondItsLimitIsNotKept()
    {
        var big = ThreadLists<long>.Rent();
        big.AddRange(Enumerable.Range(0, 1000).Select(i => (long)i));
        ThreadLists<long>.Return(big, keepUpTo: 100);

        var next = ThreadLists<long>.Rent();
        Assert.NotSame(big, next);
        Assert.Empty(next);
    }

    [Fact]
    public void HitsByConceptKeepTextOrderAndAreEmptyAfterDisposal()
    {
        var random = new Random(7);
        var hits = Enumerable.Range(0, 500).Select(i => new ConceptHit(random.Next(12), i, i + random.Next(3), i % 5 == 0, i % 7 == 0)).ToList();
        var index = new ConceptHitIndex(hits, concepts: 15);

        for (var concept = 0; concept < 15; concept++)
        {
            Assert.Equal(hits.Where(h => h.Concept == concept), index.Of(concept).ToArray());
            Assert.Equal(hits.Any(h => h.Concept == concept), index.Any(concept));
        }
        index.Dispose();
        Assert.True(index.Of(3).IsEmpty);
        Assert.False(index.Any(3));

        using var empty = new ConceptHitIndex([], concepts: 4);
        Assert.True(empty.Of(0).IsEmpty);
    }

    [Fact]
    public void ScreeningTheSameReplyTwiceOnOneThreadGivesTheSameFlags()
    {
        var screener = TestScreener.Create();
        var reply = string.Concat(Enumerable.Repeat(Long, 30));
        var first = screener.Screen("Klage", reply, TestScreener.AnyContext);
        Assert.True(first.Has(FlagKind.Complaint));
        Assert.True(screener.Screen(null, Short, TestScreener.AnyContext).Has(FlagKind.DeadlineExtensionRequest));
        var second = screener.Screen("Klage", reply, TestScreener.AnyContext);
        Assert.Equal(Newtonsoft.Json.JsonConvert.SerializeObject(first), Newtonsoft.Json.JsonConvert.SerializeObject(second));
    }
}
