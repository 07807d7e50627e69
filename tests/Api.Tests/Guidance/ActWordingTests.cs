using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// Letter round 21: the formal acts in the wordings Danish administration uses for them (forvaltningsretlig
/// sprogbrug: the performative "hermed", the passive "meddeles/imødekommes", the inverted main clause after
/// "Derfor", the subordinate clause's "at vi ikke godkender", "ikke kunnet", "ikke grundlag/hjemmel for at"), written from the language, not from a writer's letters.
/// Each sentence stands alone under a neutral title, so only the text can name the act; the negated and conditional
/// forms of the same wordings perform nothing.
/// </summary>
public class ActWordingTests
{
    private static Suggestion Letter(string sentence) =>
        TestEngine.Suggest("Brev", $"Kære Anna Hansen\n\n{sentence}\n\nMed venlig hilsen\nFærdselsstyrelsen");

    [Theory]
    [InlineData("Derfor imødekommer vi din ansøgning om fornyelse af din kørelærergodkendelse.")]
    [InlineData("Din ansøgning om dispensation imødekommes.")]
    [InlineData("Færdselsstyrelsen meddeler dig tilladelse til at køre med ledsager.")]
    [InlineData("Der meddeles hermed tilladelse til at køre med en ekstra passager.")]
    [InlineData("Vi dispenserer derfor fra kravet om en ny køreprøve.")]
    [InlineData("Vi fritager dig for kravet om at aflægge en ny teoriprøve.")]
    [InlineData("Vi tiltræder din anmodning om ombytning af dit udenlandske kørekort.")]
    [InlineData("Derfor giver vi dig tilladelse til at bruge automatgear ved prøven.")]
    [InlineData("Din godkendelse som kørelærer fornyes derfor for en periode på fem år.")]
    [InlineData("Derfor godkender vi din ansøgning om udvidelse af kørekortet til kategori C.")]
    [InlineData("Du er hermed godkendt.")]
    [InlineData("Vi ophæver derfor kravet om årlig lægeerklæring.")]
    public void AGrantInTheAuthoritysOwnWordingIsAnApprovalThatNeedsItsKlagevejledning(string sentence)
    {
        var s = Letter(sentence);
        Assert.Equal(GuidanceCategory.Approval, s.Category);
        Assert.Contains(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
    }

    [Theory]
    [InlineData("Vi har desværre ikke kunnet imødekomme din ansøgning om dispensation.")]
    [InlineData("Din ansøgning om fornyelse kan desværre ikke imødekommes.")]
    [InlineData("Derfor afslår vi din ansøgning om ombytning af kørekortet.")]
    [InlineData("Vi har afslået din ansøgning om dispensation.")]
    [InlineData("Vi finder ikke grundlag for at dispensere fra kravet om lægeerklæring.")]
    [InlineData("Der er ikke hjemmel til at give dig dispensation fra aldersgrænsen.")]
    [InlineData("Færdselsstyrelsen meddeler afslag på din ansøgning om kørelærergodkendelse.")]
    [InlineData("Vi må nægte at forny din godkendelse som kørelærer.")]
    [InlineData("Vi kan ikke meddele dig dispensation fra kravet.")]
    [InlineData("Vi annullerer din godkendelse som kørelærer.")]
    [InlineData("Vi kan desværre ikke ophæve vilkåret om briller.")]
    [InlineData("Vi ophæver derfor ikke vilkåret om briller.")]
    [InlineData("Derfor imødekommer vi ikke din ansøgning om dispensation.")]
    [InlineData("Det betyder, at vi ikke godkender din ansøgning om kørelærergodkendelse.")]
    [InlineData("Vi har vurderet sagen og må meddele dig, at du ikke kan få dispensation fra kravet.")]
    public void ARefusalOrRevocationInTheAuthoritysOwnWordingIsADecisionThatNeedsItsKlagevejledning(string sentence)
    {
        var s = Letter(sentence);
        Assert.Equal(GuidanceCategory.Decision, s.Category);
        Assert.Contains(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
    }

    [Theory]
    [InlineData("Vi imødekommer din anmodning om fristudsættelse for lægeerklæringen.", GuidanceCategory.DeadlineExtension)]
    [InlineData("Fristen for at aflevere lægeerklæringen ændres til den 1. april 2027.", GuidanceCategory.DeadlineExtension)]
    [InlineData("Vi stiller krav om, at du aflægger en kontrollerende køreprøve.", GuidanceCategory.ControlDrivingTestSummons)]
    [InlineData("Din anmodning om aktindsigt imødekommes delvist.", GuidanceCategory.AccessToRecordsDecision)]
    [InlineData("Vi undtager notatet fra aktindsigt efter offentlighedslovens § 23.", GuidanceCategory.AccessToRecordsDecision)]
    [InlineData("Du kan ikke få aktindsigt i de interne dokumenter i din sag.", GuidanceCategory.AccessToRecordsDecision)]
    public void TheOtherFormalActsInTheirOwnWordingNeedTheirKlagevejledning(string sentence, GuidanceCategory kind)
    {
        var s = Letter(sentence);
        Assert.Equal(kind, s.Category);
        Assert.Contains(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
    }

    [Theory]
    [InlineData("Vi kvitterer hermed for din ansøgning om fornyelse.")]
    [InlineData("Din ansøgning om fornyelse af kørekort er modtaget.")]
    public void AReceiptInTheAuthoritysOwnWordingIsAReceipt(string sentence) =>
        Assert.Equal(GuidanceCategory.Receipt, Letter(sentence).Category);

    [Theory]
    [InlineData("Hvis du senere får en ny lægeerklæring, imødekommer vi gerne en ny ansøgning om dispensation.")]
    [InlineData("Hvis du sender lægeerklæringen, fornyes dit kørekort derfor uden ny køreprøve.")]
    [InlineData("Vi overvejer at stille krav om, at du aflægger en kontrollerende køreprøve.")]
    public void TheSameWordingsUnderAConditionOrNotYetDecidedPerformNothing(string sentence)
    {
        var s = Letter(sentence);
        Assert.Equal(GuidanceCategory.NoReplyRequired, s.Category);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
    }
}
