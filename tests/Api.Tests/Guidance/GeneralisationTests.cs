using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>Text-analysis cases the held-out letters exposed: FAQ headings, hard-wrapped lines, negation inside a cue.</summary>
public class GeneralisationTests
{
    [Fact]
    public void FaqHeadingQuestionInLeafletIsNoQuestionToTheRecipient()
    {
        var s = TestEngine.Suggest("Klippekortordningen",
            "Har du fået et klip?\nDu får et klip, hvis du kører over for rødt.\n\nKan du miste kørekortet?\nJa, ved 3 klip inden for 3 år.");
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
    }

    [Fact]
    public void RhetoricalLeafletQuestionAnsweredOnItsLineIsNoQuestionToTheRecipient()
    {
        var s = TestEngine.Suggest("Kørekort som 17-årig",
            "Har du fyldt 17 år? Så kan du tage kørekort med ledsager.\n\nSkal du have en ledsager? Ja, ledsageren skal være 30 år.");
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
    }

    [Fact]
    public void QuestionFollowedByOurOwnNextStepStillExpectsAnAnswer()
    {
        var s = TestEngine.Suggest("Din ansøgning", "Tak for din ansøgning.\n\nKan du sende kopien af dit pas? Så kan vi behandle sagen.");
        Assert.Equal(ReplyOption.WithReply, s.Recommendation);
    }

    [Fact]
    public void ConditionalOfferToResumeWithADeadlineExpectsAnAnswer()
    {
        var s = TestEngine.Suggest("Afslag", "Hvis du sender os en kopi af din kontrakt senest den 10. april 2026, vil vi genoptage behandlingen.");
        Assert.Equal(ReplyOption.WithReply, s.Recommendation);
    }

    [Fact]
    public void QuestionEndingItsParagraphStillExpectsAnAnswer()
    {
        var s = TestEngine.Suggest("Din ansøgning", "Tak for din ansøgning.\n\nKan du sende os en kopi af dit pas?\n\nMed venlig hilsen");
        Assert.Equal(ReplyOption.WithReply, s.Recommendation);
    }

    [Fact]
    public void QuestionAboutTheRecipientsPlansExpectsAnAnswer()
    {
        var s = TestEngine.Suggest("Din frist", "Vi har modtaget din ansøgning. Hvornår forventer du at vende tilbage til Danmark? Vi ser frem til dit svar.");
        Assert.Equal(ReplyOption.WithReply, s.Recommendation);
    }

    [Fact]
    public void HardWrappedRequestIsStillARequest()
    {
        const string text = "Vi har vedlagt et spørgeskema om dit helbred, som vi beder dig udfylde og returnere til\n"
            + "Færdselsstyrelsen senest den 22. april 2026 sammen med eventuelle bilag fra din egen læge.";
        Assert.Equal(GuidanceCategory.ExpectsReply, TestEngine.Suggest("Helbredsoplysninger", text).Category);
    }

    [Fact]
    public void ShortHeadingLineIsASentenceOfItsOwn()
    {
        var s = TestEngine.Suggest("Brev", "Afgørelse\nVi giver dig afslag.");
        Assert.Equal(GuidanceCategory.Decision, s.Category);
        Assert.Contains(s.Evidence, e => e.Field == "text" && e.Start == 0 && e.Text == "Afgørelse");
    }

    [Fact]
    public void NegationInsideTheCueCancelsIt()
    {
        var s = TestEngine.Suggest("Status", "Der er ikke noget, du skal sende til os. Du skal ikke sende os flere dokumenter.");
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
    }

    [Fact]
    public void KlagevejledningMentionedInPassingDoesNotMakeADecision()
    {
        var s = TestEngine.Suggest("Information om digitalt kørekort",
            "Hvis du får en afgørelse fra os, vil der altid være en klagevejledning i brevet.", "Information");
        Assert.Equal(GuidanceCategory.InformationMaterial, s.Category);
    }

    [Fact]
    public void DelayNoticeOnAccessToRecordsIsNotAReceipt()
    {
        var s = TestEngine.Suggest("Meddelelse om forlænget behandlingstid",
            "Vi har modtaget din anmodning om aktindsigt. Vi kan ikke nå at behandle den inden for 7 arbejdsdage.");
        Assert.Equal(GuidanceCategory.NoReplyRequired, s.Category);
    }
}
