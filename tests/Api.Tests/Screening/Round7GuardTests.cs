using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>Rules added after batch 7's first run (see blind-sets.md), on wordings not in the sets.</summary>
public class Round7GuardTests
{
    private static readonly ReplyScreener Screener = LabelledReplies.CreateScreener();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, LabelledReplies.AnyContext);

    [Theory]
    [InlineData("Aktindsigt", "Jeg har bedt om aktindsigt for 14 dage siden. Hvornår hører jeg fra jer?")]
    [InlineData("Agtindsigt", "Jeg anmodede om agtindsigt i marts. Hvad er status?")]
    public void StatusQuestionUnderAnAccessSubjectIsNoNewRequest(string subject, string text) =>
        Assert.False(Screen(text, subject).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Aktindsigt", "Jeg bad om aktindsigt i marts og har intet hørt. Jeg beder derfor igen om aktindsigt i hele sagen.")]
    [InlineData("Aktindsigt", "Sagsnummer 25/1234.")]
    public void AccessSubjectWithANewOrNoOtherMentionIsStillARequest(string subject, string text) =>
        Assert.True(Screen(text, subject).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Kan jeg få respit med lægeerklæringen til efter sommerferien?")]
    [InlineData("Jeg beder om, at fristen for indsendelse af den nye lægeerklæring forlænges.")]
    [InlineData("Kan fristen for at sende lægeerklæringen ikke forlænges? Lægen er syg.")]
    public void RespiteAndPassiveExtensionsAreExtensionRequests(string text) =>
        Assert.True(Screen(text).Has(FlagKind.DeadlineExtensionRequest));

    [Theory]
    [InlineData("Tak for respit til den 1. juni. Jeg sender papirerne inden da.")]
    [InlineData("Jeg ved godt, at fristen for at klage ikke kan forlænges, så jeg sender lægeerklæringen nu.")]
    public void GrantedRespiteOrAKnownFixedDeadlineIsNoExtensionRequest(string text) =>
        Assert.False(Screen(text).Has(FlagKind.DeadlineExtensionRequest));

    [Theory]
    [InlineData("I har registreret mig som udeblevet fra prøven, men jeg var der. Det vil jeg ikke finde mig i.")]
    [InlineData("Jeg vil ikke finde mig i, at mit kørekort bliver inddraget.")]
    public void RefusingToPutUpWithItIsAComplaint(string text) =>
        Assert.True(Screen(text).Has(FlagKind.Complaint));

    [Fact]
    public void PuttingUpWithItIsNoComplaint() =>
        Assert.False(Screen("Jeg må finde mig i, at jeg skal til prøve igen. Jeg har bestilt tid.").Has(FlagKind.Complaint));
}
