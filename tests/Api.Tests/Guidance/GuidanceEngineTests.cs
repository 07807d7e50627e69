using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>The guideline's priorities: expected answer wins, negations, courtesy lines, the caseClosed flag.</summary>
public class GuidanceEngineTests
{
    [Fact]
    public void DecisionThatAsksForDocumentsIsWithReplyAndAConflict()
    {
        var letter = TestEngine.Sample("l917");
        var s = TestEngine.Shipped.Suggest(letter.Facts);
        Assert.Equal(ReplyOption.WithReply, s.Recommendation);
        Assert.Equal(GuidanceCategory.ExpectsReply, s.Category);
        Assert.True(s.Conflict);
        Assert.Contains(s.Reasons, r => r.StartsWith("Konflikt") && r.Contains("Afgørelse"));
        Assert.Contains(s.Evidence, e => e.Rule == "decision");
    }

    [Fact]
    public void LetterThatOnlyExpectsAnAnswerHasNoConflict()
    {
        var s = TestEngine.Suggest("Manglende oplysninger", "Vi skal bede dig sende et foto af dit kørekort.");
        Assert.Equal(GuidanceCategory.ExpectsReply, s.Category);
        Assert.False(s.Conflict);
    }

    [Fact]
    public void NegatedRequestIsNoRequest()
    {
        var s = TestEngine.Suggest("Din sag", "Vi har alt, hvad vi skal bruge. Du skal ikke sende os flere dokumenter.");
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
    }

    [Fact]
    public void ConditionalNegationStillExpectsAnAnswer()
    {
        var s = TestEngine.Suggest("Partshøring", "Hvis vi ikke har hørt fra dig inden den 5. maj 2026, træffer vi afgørelse.");
        Assert.Equal(ReplyOption.WithReply, s.Recommendation);
    }

    [Fact]
    public void CourtesyLineAboutQuestionsIsNoRequest()
    {
        var s = TestEngine.Suggest("Information om fornyelse",
            "Dit kørekort udløber snart. Har du spørgsmål, er du velkommen til at sende os en mail.");
        Assert.Equal(GuidanceCategory.InformationMaterial, s.Category);
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
    }

    [Fact]
    public void PleaseNoteIsNoRequest()
    {
        var s = TestEngine.Suggest("Brev", "Vi skal bede dig være opmærksom på, at kørekortet udløber den 1. maj 2026.");
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
    }

    [Fact]
    public void KlagevejledningDeadlineIsNoReplyDeadline()
    {
        var s = TestEngine.Suggest("Afgørelse", "Vi giver dig afslag.\n\nHvis du vil klage, skal du sende klagen til os senest 4 uger efter.");
        Assert.Equal(GuidanceCategory.Decision, s.Category);
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
    }

    [Fact]
    public void CaseClosedFlagPushesAPlainLetterToCaseClosed()
    {
        var s = TestEngine.Suggest("Dit kørekort", "Dit nye kørekort er sendt til dig.", caseClosed: true);
        Assert.Equal(GuidanceCategory.CaseClosed, s.Category);
        Assert.Contains(s.Reasons, r => r.Contains("markeret som afsluttet"));
    }

    [Fact]
    public void CaseClosedFlagDoesNotBeatAnExpectedAnswer()
    {
        var s = TestEngine.Suggest("Dit kørekort", "Vi skal bede dig sende os dit gamle kørekort.", caseClosed: true);
        Assert.Equal(GuidanceCategory.ExpectsReply, s.Category);
        Assert.True(s.Conflict);
    }

    [Fact]
    public void CaseClosedFlagDoesNotBeatAMoreSpecificCategory()
    {
        var letter = TestEngine.Sample("l911");
        Assert.True(letter.Facts.CaseClosed);
        Assert.Equal(GuidanceCategory.AccessToRecordsDecision, TestEngine.Shipped.Suggest(letter.Facts).Category);
    }

    [Fact]
    public void DocumentTypeAloneDecidesWhenNothingElseMatches()
    {
        var s = TestEngine.Suggest("Vedr. din sag", "Se vedlagte.", documentType: "AFGØRELSE");
        Assert.Equal(GuidanceCategory.Decision, s.Category);
        Assert.Contains(s.Evidence, e => e.Field == "documentType");
    }

    [Fact]
    public void UnrecognisedLetterFallsBackToNoReplyRequired()
    {
        var s = TestEngine.Suggest("Vedr. din sag", "Se vedlagte kopi.");
        Assert.Equal(GuidanceCategory.NoReplyRequired, s.Category);
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
        Assert.Equal("Brev uden svarmulighed", s.Material);
    }

    [Fact]
    public void TitleAboutClosingAnExtensionCaseIsCaseClosed()
    {
        var s = TestEngine.Suggest("Vi har afsluttet din sag om fristudsættelse", "Vi har afsluttet sagen.");
        Assert.Equal(GuidanceCategory.CaseClosed, s.Category);
    }

    [Fact]
    public void ShippedRulesCoverEveryCategory() =>
        Assert.Equal(Enum.GetValues<GuidanceCategory>().ToHashSet(), TestEngine.Shipped.Categories);
}
