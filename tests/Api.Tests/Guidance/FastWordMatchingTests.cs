using SmartPost.Api.Guidance;
using SmartPost.Api.Text;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// The engine reads letters with <see cref="FoldedWords"/> and matches words through <see cref="WordLexicon"/> classes
/// (no string per word). Both must agree exactly with the plain path they replace: <see cref="DanishText.Tokenize"/>
/// and <see cref="PhraseWord.Matches"/> on the folded string, on every labelled letter (as written and upper-cased).
/// </summary>
public class FastWordMatchingTests
{
    private static readonly CompiledGuideline Rules = GuidelineRulesLoader.Load(TestEngine.RulesPath);

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            "Vi forven-\nter svar. AFGØREL-\r\nSE i sa\u00ADgen; Ærø, Åbenrå, Müller, café, naïve, Iğdır, straße – 31. marts 2026",
            "ord-\n  Ord tre- \t\n fire -\nfem " + new string('x', 200) + "æ",
            "",
            "  ?!  ",
        };
        foreach (var path in new[] { LabelledLetters.SamplePath, LabelledLetters.OwnPath }.Concat(LabelledLetters.HeldOutPaths))
        {
            foreach (var letter in LabelledLetters.Read(path))
            {
                data.Add(letter.DocumentTitle);
                data.Add(letter.Text);
                data.Add(letter.Text.ToUpperInvariant());
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void FoldedWordsAreTheWordsOfTokenize(string text)
    {
        var expected = DanishText.Tokenize(text);
        var actual = new List<Token>();
        var words = new FoldedWords(text);
        while (words.MoveNext()) actual.Add(new Token(words.Folded.ToString(), words.Start, words.Length));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void EveryWordMatchesTheSamePhraseWordsThroughTheLexicon(string text)
    {
        var phraseWords = PhrasesOf(Rules.Title).Concat(PhrasesOf(Rules.Text)).SelectMany(p => p.Words).Distinct().ToList();
        var sets = phraseWords.Select(w => Rules.Lexicon.SetOf(w.Exact, w.Prefixes)).ToList();
        using var analyzed = new AnalyzedText(text, Rules.Lexicon);
        var tokens = DanishText.Tokenize(text);
        Assert.Equal(tokens.Count, analyzed.Count);
        for (var t = 0; t < tokens.Count; t++)
        {
            for (var w = 0; w < phraseWords.Count; w++)
            {
                Assert.True(phraseWords[w].Matches(tokens[t].Folded) == analyzed.Is(t, sets[w]),
                    $"'{tokens[t].Folded}' against '{string.Join('|', phraseWords[w].Exact.Concat(phraseWords[w].Prefixes.Select(p => p + "*")))}'");
            }
        }
    }

    [Fact]
    public void NegationAndConditionalWordsAreRecognisedExactly()
    {
        using var analyzed = new AnalyzedText("ikke ikkes ingen hvis hvisk Såfremt saafremt medmindre i", Rules.Lexicon);
        bool[] negation = [true, false, true, false, false, false, false, false, false];
        bool[] conditional = [false, false, false, true, false, true, true, true, false];
        for (var t = 0; t < analyzed.Count; t++)
        {
            Assert.Equal(negation[t], analyzed.Is(t, Rules.NegationWords));
            Assert.Equal(conditional[t], analyzed.Is(t, Rules.ConditionalWords));
        }
    }

    [Fact]
    public void LexiconFindsExactWordsAndEveryPrefixAlongTheWay()
    {
        var lexicon = new WordLexicon(["klage", "sende", "straße", "ßx"], ["kla", "klagevejledning", "afgoerelse"]);
        var exactKlage = lexicon.SetOf(["klage"], []);
        var prefixKla = lexicon.SetOf([], ["kla"]);
        var prefixGuidance = lexicon.SetOf([], ["klagevejledning"]);
        Assert.True(exactKlage.Contains(lexicon.Classify("klage")));
        Assert.True(prefixKla.Contains(lexicon.Classify("klage")));
        Assert.False(exactKlage.Contains(lexicon.Classify("klagen")));
        Assert.True(prefixKla.Contains(lexicon.Classify("klagen")));
        Assert.True(prefixGuidance.Contains(lexicon.Classify("klagevejledningen")));
        Assert.True(prefixKla.Contains(lexicon.Classify("klagevejledningen")));
        Assert.False(prefixGuidance.Contains(lexicon.Classify("klagevej")));
        Assert.Equal(WordLexicon.NoClass, lexicon.Classify("kl"));
        Assert.Equal(WordLexicon.NoClass, lexicon.Classify("sendes"));
        Assert.True(lexicon.SetOf([], ["afgoerelse"]).Contains(lexicon.Classify("afgoerelsen")));
        Assert.True(lexicon.SetOf(["straße"], []).Contains(lexicon.Classify("straße"))); // letters beyond ASCII, inside a word
        Assert.True(lexicon.SetOf(["ßx"], []).Contains(lexicon.Classify("ßx"))); // and first
        Assert.Equal(WordLexicon.NoClass, lexicon.Classify("strasse"));
    }

    private static IEnumerable<Phrase> PhrasesOf(FieldMatcher field) => Enumerable.Range(0, field.Matcher.Count).Select(i => field.Matcher[i]);
}
