using System.Text;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Guidance;
using SmartPost.Api.Screening;
using SmartPost.Api.Tests.Guidance;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Screening;
using SmartPost.Api.Text;

namespace SmartPost.Api.Tests.TextCore;

/// <summary>
/// The text core's hot path (its own word scanner and the per-word memo) must read every text exactly as the Lucene
/// chain does, word for word: offsets, stems, vocabulary ids, spelling tolerance, compound parts, quoting, sentences
/// and clauses. Checked on every labelled reply and letter, with the shipped screening and guidance vocabularies, and
/// on generated text full of the awkward cases (hyphens at line breaks, soft hyphens, lone dashes, surrogate pairs).
/// </summary>
public class FastReadingTests
{
    public static TheoryData<string> Vocabularies() => new(["screening", "guidance"]);

    [Theory]
    [MemberData(nameof(Vocabularies))]
    public void EveryCorpusTextReadsAsTheLuceneChainReadsIt(string vocabulary)
    {
        var analyzer = FreshAnalyzer(vocabulary);
        var texts = CorpusTexts();
        Assert.True(texts.Count > 1000, $"only {texts.Count} corpus texts found");
        // Twice: the first pass learns each word through Lucene, the second reads it from the memo.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (source, text) in texts)
            {
                var fast = analyzer.AnalyzeFast(text);
                Assert.True(fast is not null, $"{source}: the fast path gave the text to Lucene");
                AssertSameReading(analyzer.AnalyzeWithLucene(text), fast!, source);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Vocabularies))]
    public void GeneratedAwkwardTextReadsAsTheLuceneChainReadsIt(string vocabulary)
    {
        var analyzer = FreshAnalyzer(vocabulary);
        var random = new Random(20261206);
        var fastCount = 0;
        for (var n = 0; n < 3000; n++)
        {
            var text = AwkwardText(random);
            var fast = analyzer.AnalyzeFast(text);
            if (fast is null) continue;
            fastCount++;
            AssertSameReading(analyzer.AnalyzeWithLucene(text), fast, $"generated text {n}: {Escape(text)}");
        }
        Assert.True(fastCount > 2900, $"the fast path read only {fastCount} of 3000 generated texts");
    }

    /// <summary>
    /// Long texts (up to a few thousand characters) of the awkward pieces with non-ASCII letters and digits ("ß", "Ω",
    /// "٣") and no surrogates, so the fast path reads all of them: gaps of every kind between words, where the reader
    /// decides sentences and clauses.
    /// </summary>
    [Theory]
    [MemberData(nameof(Vocabularies))]
    public void LongGeneratedTextWithNonAsciiLettersReadsAsTheLuceneChainReadsIt(string vocabulary)
    {
        var analyzer = FreshAnalyzer(vocabulary);
        var random = new Random(20261208);
        string[] pieces = [.. Pieces.Where(p => !p.Any(char.IsSurrogate)), "ß", "Ωmega", "٣", "ñandú", "x"];
        for (var n = 0; n < 1000; n++)
        {
            var text = new StringBuilder();
            var count = random.Next(20, 160);
            for (var i = 0; i < count; i++) text.Append(pieces[random.Next(pieces.Length)]);
            var fast = analyzer.AnalyzeFast(text.ToString());
            Assert.True(fast is not null, $"generated text {n}: the fast path gave it to Lucene");
            AssertSameReading(analyzer.AnalyzeWithLucene(text.ToString()), fast!, $"generated text {n}: {Escape(text.ToString())}");
        }
    }

    [Theory]
    [MemberData(nameof(Vocabularies))]
    public void StemsFromTheMemoAreThePlainChainsStems(string vocabulary)
    {
        var analyzer = FreshAnalyzer(vocabulary);
        var random = new Random(20261207);
        var texts = CorpusTexts().Select(t => t.Text)
            .Concat(Enumerable.Range(0, 3000).Select(_ => AwkwardText(random)))
            .Append("Jeg beder om aktindsigt " + new string('a', 300) + " i sagen.")
            .ToList();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var text in texts) Assert.True(TextAnalyzer.Stems(text).SequenceEqual(analyzer.StemsOf(text)), Escape(text));
        }
    }

    [Fact]
    public void AWordAsLongAsLucenesTokenLimitIsReadByLucene()
    {
        var analyzer = FreshAnalyzer("screening");
        var text = "Jeg beder om aktindsigt " + new string('a', 300) + " i sagen.";
        Assert.Null(analyzer.AnalyzeFast(text));
        AssertSameReading(analyzer.AnalyzeWithLucene(text), analyzer.Analyze(text), "long word");
    }

    [Fact]
    public void AnalysingFromManyThreadsAtOnceGivesTheSameReadings()
    {
        var analyzer = FreshAnalyzer("screening");
        var texts = CorpusTexts().Take(400).ToList();
        var expected = texts.Select(t => analyzer.AnalyzeWithLucene(t.Text)).ToList();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < texts.Count; i++) AssertSameReading(expected[i], analyzer.Analyze(texts[i].Text), texts[i].Source);
        });
    }

    private static TextAnalyzer FreshAnalyzer(string vocabulary) => vocabulary == "screening"
        ? ScreeningRules.Load(TestScreener.RulesPath).Concepts.Analyzer
        : GuidelineRulesLoader.Load(TestEngine.RulesPath).Concepts.Analyzer;

    private static void AssertSameReading(AnalyzedDocument expected, AnalyzedDocument actual, string source)
    {
        Assert.True(expected.Tokens.Length == actual.Tokens.Length, $"{source}: {expected.Tokens.Length} words by Lucene, {actual.Tokens.Length} fast");
        for (var i = 0; i < expected.Tokens.Length; i++)
        {
            var (e, a) = (expected.Tokens[i], actual.Tokens[i]);
            var word = expected.Text.Substring(e.Start, e.Length);
            Assert.True(e == a, $"{source}, word {i} '{Escape(word)}': Lucene {e}, fast {a}");
            Assert.True(expected.Stem(i).SequenceEqual(actual.Stem(i)), $"{source}, word {i} '{Escape(word)}': stem {expected.Stem(i)} vs {actual.Stem(i)}");
            Assert.True(expected.Parts(e).SequenceEqual(actual.Parts(a)), $"{source}, word {i} '{Escape(word)}': compound parts differ");
        }
        Assert.Equal(expected.Sentences, actual.Sentences);
        Assert.Equal(expected.Clauses, actual.Clauses);
        Assert.Equal(expected.QuotedRanges, actual.QuotedRanges);
    }

    private static List<(string Source, string Text)> CorpusTexts()
    {
        var texts = new List<(string, string)>();
        foreach (var folder in new[] { "replies", "letters" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "corpus", folder), "*.jsonl").Order())
            {
                var line = 0;
                foreach (var json in File.ReadLines(file))
                {
                    line++;
                    if (string.IsNullOrWhiteSpace(json)) continue;
                    foreach (var field in new[] { "subject", "text", "documentTitle" })
                    {
                        if (JObject.Parse(json)[field] is JValue { Value: string text }) texts.Add(($"{Path.GetFileName(file)}:{line} {field}", text));
                    }
                }
            }
        }
        return texts;
    }

    private static readonly string[] Pieces =
    [
        "aktindsigt", "Aktindsigtsanmodningen", "klagefrist", "agtindsigt", "akt-indsigt", "tidligere", "men", "fordi",
        "afgørelse", "AFGØREL", "SE", "udsætelse", "fristudsættelse", "klage", "Klagevejledning", "jeg", "Jeg", "vil", "gerne",
        "se", "kopi", "læge", "12", "9.30", "f.eks.", "kl.", "e-mail", "é", "Øre", "ÅR", "𝐀𝐁", "🙂", "x",
        " ", " ", " ", " ", "  ", "\t", "\n", "\n", "\r\n", "\n\n", "-", "-", "--", " - ", "–", "—", "\u00AD", ".", ",", ";", ":",
        "?", "!", "\"", "“", "(", ")", "> ", "\n> ", "-\n", "-\r\n", "\u00AD\n", "- \n", "-\n-\n", "-\n\n",
        "\nDen 3. maj 2025 skrev Færdselsstyrelsen:\n", "\n-----Original Message-----\n", "\nFra: Færdselsstyrelsen\n",
    ];

    private static string AwkwardText(Random random)
    {
        var text = new StringBuilder();
        var pieces = random.Next(1, 40);
        for (var i = 0; i < pieces; i++) text.Append(Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\u00AD", "\\u00AD");

    [Theory]
    [InlineData("kommu-\nnikerer", true)]
    [InlineData("kommu-\r\nnikerer", true)]
    [InlineData("kommu\u00AD\nnikerer", true)]
    [InlineData("e-mail og 1-2 uger -\n", true)]
    [InlineData("e-mail og 1-2 uger", false)]
    [InlineData("kommu\u00AD\r\nnikerer", false)]
    [InlineData("kommu- \nnikerer", false)]
    [InlineData("-", false)]
    [InlineData("", false)]
    public void ALineBreakHyphenIsFoundWhereverItStands(string text, bool expected) =>
        Assert.Equal(expected, WordScanner.HasLineBreakHyphen(text));
}
