using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

public class GuidanceChecksTests
{
    private const string ComplaintGuidance = "\n\nKlagevejledning\nDu kan klage over afgørelsen til Trafikstyrelsen inden 4 uger.";

    [Fact]
    public void DecisionWithoutKlagevejledningIsFlagged()
    {
        var s = TestEngine.Suggest("Afgørelse om kørekort", "Afgørelse\nVi giver dig afslag på kørekort til kategori C.");
        Assert.Equal(GuidanceCategory.Decision, s.Category);
        var check = Assert.Single(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
        Assert.Equal(CheckSeverity.Error, check.Severity);
        Assert.Contains("Klagevejledning mangler", check.Message);
    }

    [Fact]
    public void DecisionWithKlagevejledningIsNotFlagged()
    {
        var s = TestEngine.Suggest("Afgørelse om kørekort", "Vi giver dig afslag på kørekort til kategori C." + ComplaintGuidance);
        Assert.True(s.ComplaintGuidanceFound);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
    }

    [Fact]
    public void KlagevejledningInWithdrawalIsFlagged()
    {
        var s = TestEngine.Suggest("Inddragelse af førerret", "Færdselsstyrelsen inddrager derfor din førerret." + ComplaintGuidance);
        Assert.Equal(GuidanceCategory.DrivingRightWithdrawal, s.Category);
        var check = Assert.Single(s.Checks, c => c.Code == GuidanceChecks.ComplaintGuidanceInWithdrawal);
        Assert.Equal(CheckSeverity.Error, check.Severity);
    }

    [Fact]
    public void ChoosingWithReplyForAReceiptContradictsTheSuggestion()
    {
        var s = TestEngine.Suggest("Kvittering", "Vi har modtaget din ansøgning.", chosen: ReplyOption.WithReply);
        var check = Assert.Single(s.Checks, c => c.Code == GuidanceChecks.ChosenOptionContradictsSuggestion);
        Assert.Equal(CheckSeverity.Warning, check.Severity);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.QuestionWithoutReplyOption);
    }

    [Fact]
    public void WhatComesBackOnlyThroughSelfServiceExpectsItButUdenSvarmulighedIsNoQuestionAndNoContradiction()
    {
        const string Text = "Vi mangler en kopi af dit lejebevis. Kopien skal uploades i vores selvbetjening, hvor du logger på med MitID.";

        var withoutReply = TestEngine.Suggest("Din sag om kørekort", Text, chosen: ReplyOption.WithoutReply);
        var sentBack = TestEngine.Suggest("Din sag om kørekort", Text + " Send den også til os senest 1. maj 2027.", chosen: ReplyOption.WithoutReply);

        Assert.Equal(GuidanceCategory.ExpectsReply, withoutReply.Category);
        Assert.DoesNotContain(withoutReply.Checks, c => c.Code is GuidanceChecks.QuestionWithoutReplyOption or GuidanceChecks.ChosenOptionContradictsSuggestion);
        // Asked as a reply as well: the question check and the contradiction stand.
        Assert.Contains(sentBack.Checks, c => c.Code == GuidanceChecks.QuestionWithoutReplyOption);
        Assert.Contains(sentBack.Checks, c => c.Code == GuidanceChecks.ChosenOptionContradictsSuggestion);
    }

    [Fact]
    public void QuestionWithoutReplyOptionIsFlagged()
    {
        var s = TestEngine.Suggest("Din ansøgning", "Ønsker du også kørekort til kategori BE?", chosen: ReplyOption.WithoutReply);
        Assert.Contains(s.Checks, c => c.Code == GuidanceChecks.QuestionWithoutReplyOption && c.Message.Contains("Ønsker du"));
    }

    [Fact]
    public void ReplyDeadlineWithoutReplyOptionIsFlagged()
    {
        var s = TestEngine.Suggest("Din ansøgning", "Du bedes indsende kopien senest den 3. juni 2026.", chosen: ReplyOption.WithoutReply);
        Assert.Contains(s.Checks, c => c.Code == GuidanceChecks.QuestionWithoutReplyOption);
    }

    [Fact]
    public void MatchingChoiceGivesNoChoiceChecks()
    {
        var s = TestEngine.Suggest("Din ansøgning", "Du bedes indsende kopien senest den 3. juni 2026.", chosen: ReplyOption.WithReply);
        Assert.Empty(s.Checks);
    }

    [Fact]
    public void ExemptRecipientIsFlaggedAndGetsPhysicalMail()
    {
        var s = TestEngine.Suggest("Kvittering", "Vi har modtaget din ansøgning.", recipient: new RecipientStanding(true, false, "test"));
        Assert.Equal(ReplyOption.PhysicalMail, s.Recommendation);
        Assert.Equal(ReplyOption.WithoutReply, s.ReplyOption);
        Assert.Equal("Fysisk post", s.Material);
        Assert.Equal(CheckSeverity.Warning, Assert.Single(s.Checks, c => c.Code == GuidanceChecks.RecipientExempt).Severity);
    }
}
