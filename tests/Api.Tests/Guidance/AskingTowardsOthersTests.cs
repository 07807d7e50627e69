using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// QuestionWithoutReplyOption as LABELS.md defines asking (letter round 22): deadlines for actions towards others (the
/// police, Borgerservice, the municipality, a driving school, a course, a doctor), instructions to act in a self-service
/// solution, instructions for a future application and a question heading the letter answers under it are not asking;
/// a reply deadline towards us is. Each letter is sent uden svarmulighed.
/// </summary>
public class AskingTowardsOthersTests
{
    private static bool RaisesQuestionWithoutReplyOption(string sentence) =>
        TestEngine.Suggest("Brev om dit kørekort", $"Kære Anna Holm\n\nVi skriver til dig om dit kørekort.\n\n{sentence}\n\nMed venlig hilsen\nFærdselsstyrelsen",
                chosen: ReplyOption.WithoutReply)
            .Checks.Any(c => c.Code == GuidanceChecks.QuestionWithoutReplyOption);

    [Theory]
    [InlineData("Ansøgningen skal være modtaget hos kommunen senest den 1. juni 2026.")]
    [InlineData("Indsend ansøgningen hos Borgerservice senest den 1. juni 2026.")]
    [InlineData("Udfyld helbredsattesten hos din læge.")]
    [InlineData("Du skal sende ansøgningen via borger.dk senest den 1. juni 2026.")]
    [InlineData("Du skal indsende ansøgningen digitalt senest den 1. juni 2026.")]
    [InlineData("Du skal gå til lægen og få udfyldt en lægeerklæring.")]
    [InlineData("Du skal ikke sende lægeerklæringen, før vi beder om den.")]
    [InlineData("Vedlæg et pasfoto, når du søger om kørekort.")]
    [InlineData("Bliver du rask, kan du søge igen. Vedlæg da en ny lægeerklæring.")]
    [InlineData("Kan du ikke møde?\n\nSå skal du aflyse tiden hos Borgerservice.")]
    [InlineData("Du skal fremover sende os en lægeerklæring, når dit kørekort skal fornyes.")]
    [InlineData("Du skal oplyse os om væsentlige ændringer i dit helbred.")]
    [InlineData("Hvis du senere vil sende os flere oplysninger, så skriv sagsnummeret i emnefeltet.")]
    [InlineData("Har du fået nye oplysninger om dit helbred, skal du sende dem til os.")]
    [InlineData("Er du uenig i afgørelsen, skal du skrive til os senest 4 uger efter, at du har modtaget brevet.")]
    public void AnActionTowardsOthersOrInTheFutureAsksNothing(string sentence) =>
        Assert.False(RaisesQuestionWithoutReplyOption(sentence));

    [Theory]
    [InlineData("Send os en kopi af dit pas senest den 1. juni 2026.")]
    [InlineData("Ring til os inden den 1. juni 2026, så vi kan aftale en tid.")]
    [InlineData("Du skal sende lægeerklæringen til os senest den 1. juni 2026.")]
    [InlineData("Kører du stadig lastbil erhvervsmæssigt?\n\nSvaret har betydning for, hvor længe vi kan forny dit kørekort.")]
    [InlineData("Kan du sende os kopien?\n\nSå kan vi behandle sagen.")]
    public void AnAskTowardsUsStillRaisesTheCheck(string sentence) =>
        Assert.True(RaisesQuestionWithoutReplyOption(sentence));
}
