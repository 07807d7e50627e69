using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>Rules changed after batch 9's first run (see blind-sets.md), on wordings not in the sets.</summary>
public class Round9GuardTests
{
    private static readonly ReplyScreener Screener = LabelledReplies.CreateScreener();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, LabelledReplies.AnyContext);

    [Theory]
    [InlineData("Jeg forlanger, at beslutningen bliver trukket tilbage, for anklagen er frafaldet.")]
    [InlineData("Jeg vil have min sag prøvet af en anden.")]
    [InlineData("Jeg ønsker jeres beslutning vurderet igen.")]
    public void ADemandToWithdrawOrReviewTheDecisionIsAComplaint(string text) =>
        Assert.True(Screen(text).Has(FlagKind.Complaint));

    [Theory]
    [InlineData("Jeg har trukket min klage tilbage.")]
    [InlineData("Klagen er nu frafaldet.")]
    public void AWithdrawnComplaintIsStillNoComplaint(string text) =>
        Assert.False(Screen(text).Has(FlagKind.Complaint));

    [Theory]
    [InlineData("Tak for jeres brev om mit kørekort. Jeg har ingen spørgsmål.", "Brev om min anke")]
    [InlineData("Hvor skal klagen sendes hen, hvis jeg senere beslutter mig?", null)]
    [InlineData("Hvordan må en klage se ud?", null)]
    public void ALetterAboutAComplaintOrAProcedureQuestionIsNoComplaint(string text, string? subject) =>
        Assert.False(Screen(text, subject).Has(FlagKind.Complaint));

    [Theory]
    [InlineData("Jeg kan maile jer en kopi af mit pas, hvis det hjælper.")]
    [InlineData("Vil I have en kopi af synsprøven fra optikeren?")]
    public void OfferingUsACopyIsNoAccessRequest(string text) =>
        Assert.False(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Fact]
    public void AskingForACopyOfTheCaseIsStillAnAccessRequest() =>
        Assert.True(Screen("Send mig en kopi af sagens akter, tak.").Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Må jeg få forlænget fristen med en uge?")]
    [InlineData("Jeg vil gerne have rykket deadline til næste måned.")]
    public void HavingTheDeadlineMovedIsAnExtensionRequest(string text) =>
        Assert.True(Screen(text).Has(FlagKind.DeadlineExtensionRequest));
}
