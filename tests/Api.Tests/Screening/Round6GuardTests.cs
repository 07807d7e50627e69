using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>Rules added after batch 6's first run (see blind-sets.md), on wordings not in the sets.</summary>
public class Round6GuardTests
{
    private static readonly ReplyScreener Screener = LabelledReplies.CreateScreener();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, LabelledReplies.AnyContext);

    [Theory]
    [InlineData("Jeg hjælper min far. Han vil gerne se de dokumenter, I har om ham.")]
    [InlineData("Hvordan kan jeg få fat i mine dokumenter?")]
    [InlineData("Hvor får jeg fat på de oplysninger, I har registreret om mig?")]
    public void RelativesAndGetHoldOfWordingsAreAccessRequests(string text) =>
        Assert.True(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Vil I se på min sag igen? Jeg er rask nu.")]
    [InlineData("Må jeg få brevet igen? Det er blevet væk.")]
    [InlineData("Kommunen sagde at jeg kunne søge aktindsigt, men det orker jeg ikke.")]
    public void ReconsiderationResentLetterOrDeclinedIsNoAccessRequest(string text) =>
        Assert.False(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Min bror har klaget over en lignende afgørelse. Hvad skete der med hans sag?")]
    [InlineData("Hvad er forskellen på en indsigelse og at bede jer om at genoverveje sagen?")]
    [InlineData("Min kollega har fået medhold i sin klage. Kan det også gælde mig?")]
    public void SomeoneElsesPastComplaintOrAWordQuestionIsNoComplaint(string text) =>
        Assert.False(Screen(text).Has(FlagKind.Complaint));

    [Fact]
    public void ReconsiderationQuestionIsStillAComplaint() =>
        Assert.True(Screen("Vil I se på min sag igen? Jeg er rask nu.").Has(FlagKind.Complaint));
}
