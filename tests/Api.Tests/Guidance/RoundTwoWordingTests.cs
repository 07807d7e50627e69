using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// The round-2 held-out fixes (heldout-rounds.md) on wordings that are in none of the letter sets: each test would
/// fail on the rules before that round.
/// </summary>
public class RoundTwoWordingTests
{
    [Fact]
    public void InvitationToComeForwardWithObjectionsIsAPartshoering()
    {
        var s = TestEngine.Suggest("Sagen om jeres tilladelse",
            "Virksomheden har hermed mulighed for at fremkomme med indsigelser mod politiets oplysninger.");
        Assert.Equal(GuidanceCategory.ExpectsReply, s.Category);
    }

    [Fact]
    public void ImperativeFollowedByVenligstExpectsAnAnswer()
    {
        var s = TestEngine.Suggest("Din ansøgning", "Bekræft venligst, at du fortsat bor på adressen i Spanien.");
        Assert.Equal(ReplyOption.WithReply, s.Recommendation);
    }

    [Fact]
    public void EarlierHoeringReportedInThePastDoesNotTurnADecisionIntoAQuestion()
    {
        var s = TestEngine.Suggest("Tilbagekaldelse af tilladelse til taxikørsel",
            "Vi har den 3. marts sendt jer et høringsbrev og givet jer mulighed for at udtale jer.\n\nAfgørelse\n"
            + "Vi tilbagekalder tilladelsen.\n\nKlagevejledning\nI kan klage over afgørelsen til Trafikstyrelsen.");
        Assert.Equal(GuidanceCategory.Decision, s.Category);
        Assert.False(s.Conflict);
    }

    [Fact]
    public void DeadlineForAHospitalIsNoReplyDeadlineForTheRecipient()
    {
        var s = TestEngine.Suggest("Din helbredssag",
            "Vi har bedt om journaloplysninger. Sygehuset skal sende oplysningerne til os senest den 1. juni 2026.");
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
    }

    [Fact]
    public void OurOwnConditionalContactIsNoRequest()
    {
        var s = TestEngine.Suggest("Din sag", "Vi skriver til dig igen, hvis vi har brug for flere oplysninger fra dig.");
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
    }

    [Fact]
    public void DecisionThatTheRecipientMustTakeAControlTestIsASummons()
    {
        var s = TestEngine.Suggest("Din førerret",
            "Vi har på baggrund af politiets rapport besluttet, at du skal aflægge en kontrolleret køreprøve.\n\n"
            + "Klagevejledning\nDu kan klage over afgørelsen til Trafikstyrelsen.", "Afgørelse");
        Assert.Equal(GuidanceCategory.ControlDrivingTestSummons, s.Category);
    }

    [Fact]
    public void ReportedWithdrawalWithAnAdverbBetweenIsAWithdrawal()
    {
        var s = TestEngine.Suggest("Din førerret", "Vi har i dag inddraget din førerret.", "Afgørelse");
        Assert.Equal(GuidanceCategory.DrivingRightWithdrawal, s.Category);
    }

    [Fact]
    public void ReceiptForAnApplicationForApprovalIsAReceipt()
    {
        var s = TestEngine.Suggest("Kvittering for ansøgning om godkendelse som kørelærer",
            "Vi bekræfter hermed, at vi nu har modtaget din ansøgning.");
        Assert.Equal(GuidanceCategory.Receipt, s.Category);
    }

    [Fact]
    public void ProcessingTimeOrientationIsNoReceipt()
    {
        var s = TestEngine.Suggest("Orientering om behandlingstid",
            "Vi har modtaget din ansøgning. Vi forventer at træffe afgørelse inden 10 uger.");
        Assert.Equal(GuidanceCategory.NoReplyRequired, s.Category);
    }
}
