using SmartPost.Api.Guidance;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.EvaluateLetters;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>Evidence offsets point into the original strings, so the task pane can highlight them.</summary>
public class EvidenceTests
{
    [Fact]
    public void EveryEvidenceOfEveryCorpusLetterIsTheSubstringAtItsOffset()
    {
        foreach (var letter in LetterCorpus.All)
        {
            var s = TestEngine.Shipped.Suggest(letter.Facts, letter.Standing, letter.ChosenOption);
            foreach (var e in s.Evidence.Concat(s.Checks.SelectMany(c => c.Evidence)))
            {
                var field = e.Field switch { "documentTitle" => letter.Facts.DocumentTitle, "text" => letter.Facts.Text, _ => letter.Facts.DocumentType! };
                Assert.True(e.Text == field.Substring(e.Start, e.Length), $"{letter}: \"{e.Text}\" is not at {e.Start}");
            }
        }
    }

    [Fact]
    public void EvidenceSpansAHyphenatedLineBreak()
    {
        var text = "Kære Hans\n\nVi har nu truffet afgørel-\nse i din sag.";
        var s = TestEngine.Suggest("Brev", text);
        var e = Assert.Single(s.Evidence, e => e.Rule == "decision");
        Assert.Equal(text.IndexOf("har nu", StringComparison.Ordinal), e.Start);
        Assert.Equal("har nu truffet afgørel-\nse", e.Text);
    }

    [Fact]
    public void UpperCaseWordHyphenatedAcrossALineIsOneWord()
    {
        var text = "VI GIVER DIG AFSLAG.\n\nKLAGEVEJLED-\nNING\nDU KAN KLAGE OVER AFGØRELSEN.";
        var s = TestEngine.Suggest("AFGØREL-\nSE", text);
        Assert.Equal(GuidanceCategory.Decision, s.Category);
        Assert.Contains(s.Evidence, e => e.Text == "KLAGEVEJLED-\nNING" && e.Start == text.IndexOf("KLAGEVEJLED", StringComparison.Ordinal));
        Assert.Contains(s.Evidence, e => e.Field == "documentTitle" && e.Text == "AFGØREL-\nSE");
    }

    [Fact]
    public void AKlagevejledningSplitOverTwoSentencesIsOnePieceOfEvidenceAndABlankLineEndsIt()
    {
        const string passage = "Er du uenig, kan du klage. Vi skal have din klage senest 4 uger efter, at du har fået brevet.";
        var text = $"Kære Ida\n\nVi giver dig afslag på fornyelse af dit kørekort.\n\n{passage}";
        var s = TestEngine.Suggest("Brev", text);
        var e = Assert.Single(s.Evidence, e => e.Rule == "complaint-guidance");
        Assert.Equal((text.IndexOf(passage, StringComparison.Ordinal), passage), (e.Start, e.Text));
        Assert.DoesNotContain(s.Checks, c => c.Code == "MissingComplaintGuidance");

        var apart = TestEngine.Suggest("Brev", text.Replace("klage. Vi", "klage.\n\nVi", StringComparison.Ordinal));
        Assert.DoesNotContain(apart.Evidence, e => e.Rule == "complaint-guidance");
        Assert.Contains(apart.Checks, c => c.Code == "MissingComplaintGuidance");
    }

    [Fact]
    public void AShortKlagevejledningSentenceWithItsFullStopEndsThePassageAndTheNextParagraphAsks()
    {
        // Four words with a full stop are a sentence of their own, not a heading: the passage does not reach into the
        // next paragraph, so its question is not read as the klagevejledning's own instruction (lZ-029, letter round 19).
        var text = "Kære Ida\n\nVi giver dig afslag på fornyelse af dit kørekort.\n\nDu kan klage til Trafikstyrelsen inden 4 uger. "
            + "Klagen sendes til os.\n\nKan du oplyse os, hvilken øjenlæge du går hos?";
        var s = TestEngine.Suggest("Brev", text, chosen: ReplyOption.WithoutReply);
        Assert.Contains(s.Evidence, e => e.Rule == "complaint-guidance" && e.Text == "Klagen sendes til os.");
        Assert.DoesNotContain(s.Evidence, e => e.Rule == "complaint-guidance" && e.Text.Contains("øjenlæge", StringComparison.Ordinal));
        Assert.Contains(s.Checks, c => c.Code == "QuestionWithoutReplyOption");

        // A heading without a full stop still goes with the sentence under it, whose "skriv til os" tells how to complain.
        var headed = TestEngine.Suggest("Brev", "Kære Ida\n\nVi giver dig afslag på fornyelse af dit kørekort.\n\nSådan klager du\n"
            + "Skriv til os senest 4 uger efter, at du har fået brevet, så sender vi klagen videre til Trafikstyrelsen.", chosen: ReplyOption.WithoutReply);
        Assert.Contains(headed.Evidence, e => e.Rule == "complaint-guidance" && e.Text.StartsWith("Sådan klager du\nSkriv til os", StringComparison.Ordinal));
        Assert.DoesNotContain(headed.Checks, c => c.Code is "QuestionWithoutReplyOption" or "MissingComplaintGuidance");
    }

    [Fact]
    public void EvidenceOfTheRequestInTheConflictLetterPointsAtIt()
    {
        var letter = TestEngine.Sample("l917");
        var s = TestEngine.Shipped.Suggest(letter.Facts);
        var e = s.Evidence.First(e => e.Rule == "expects-reply");
        Assert.Equal(letter.Facts.Text.IndexOf("bede dig sende", StringComparison.Ordinal), e.Start);
    }

    [Fact]
    public void EveryGuidelineLineIsQuotedFromTheGuideline()
    {
        var seed = Fold(File.ReadAllText(TestPaths.SharedFile("seeds", "000_9e3321b5c42cbbc0.txt")));
        var rules = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(TestEngine.RulesPath))["rules"]!;
        foreach (var line in rules.Select(r => (string)r["guidelineLine"]!))
        {
            Assert.True(seed.Contains(Fold(line)), $"not in the guideline: {line}");
        }
    }

    private static string Fold(string text) => " " + string.Join(' ', Text.DanishText.Tokenize(text).Select(t => t.Folded)) + " ";
}
