using Newtonsoft.Json.Linq;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

public class ScreeningRulesValidationTests
{
    private static JObject Shipped() => JObject.Parse(File.ReadAllText(TestScreener.RulesPath));

    private static string Error(JObject rules)
    {
        var path = Path.Combine(Path.GetTempPath(), $"screening-rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, rules.ToString());
        try
        {
            return Assert.Throws<InvalidOperationException>(() => ScreeningRules.Load(path)).Message;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ShippedRulesCompileAndStayBounded()
    {
        Assert.NotEmpty(TestScreener.Rules.Rules);
        // The old lexicon was 35,863 bytes of phrases. The concept rules grew past it when Certain had to mean "the act
        // itself, no blocking scope" (scopes, subject and Possible rules, docs/history/screening-rounds.md "Round 4"); this bound keeps
        // them from growing back into a phrase list. Raised from 45 to 46 kB in round 14: the way back under 45 kB was
        // dropping lemmas no corpus reply uses yet (English paraphrases among them), i.e. coverage for the next writer.
        // Raised to 48 kB in round 15 for structure, not phrases: five scopes (a past verb inside a described document,
        // a named other party as subject, "inden for fristen", a preliminary view, a new time stated as a fact) and about
        // twenty lemma changes, each of which changes corpus replies when taken out (docs/history/screening-rounds.md,
        // "Round 15").
        // Raised to 52 kB in round 18, after compacting (19 alternatives the core already reads, 47,988 -> 47,750
        // bytes, no outcome changed): classes, not strings — an implied request for more time answering a letter with
        // a deadline (cannot make it, an appointment after the deadline), reminders of a pending complaint or of
        // documents asked for, a review asked for in plain words, what a partial access grant left out, and the
        // scopes that keep them off clean replies (a deadline that will be met, retaking the test, understanding).
        // Raised to 54.5 kB in the seventeenth session for vocabulary, not phrases: about 150 single words and 30 short
        // lemmas that complete the concepts from the language (dissatisfaction, escalation, more time, access, case
        // material, other bodies, relatives; Norwegian, Swedish and Polish cognates), docs/screening.md "Concept
        // vocabulary from the language". Compacting first found nothing to drop: every word that the spelling
        // tolerance reads as a neighbouring lemma changes corpus outcomes when taken out (an exact lemma is Certain,
        // a tolerated one only Possible).
        Assert.True(new FileInfo(TestScreener.RulesPath).Length < 54_500, "the rules file must stay under 54.5 kB");
    }

    [Fact]
    public void AnUnknownConceptIsNamedWithItsRuleAndFile()
    {
        var rules = Shipped();
        rules["kinds"]!["Complaint"]!["rules"]![0]!["all"] = new JArray("accesWord");
        var error = Error(rules);
        Assert.Contains("screening-rules-", error);
        Assert.Contains($"rule '{rules["kinds"]!["Complaint"]!["rules"]![0]!["id"]}'", error);
        Assert.Contains("unknown concept 'accesWord'", error);
    }

    [Fact]
    public void AReferenceToAMissingConceptInsideALemmaIsNamed()
    {
        var rules = Shipped();
        ((JArray)rules["concepts"]!["toOtherAuthority"]!).Add("til @myndighed");
        Assert.Contains("concept 'toOtherAuthority', lemma 'til @myndighed': unknown concept '@myndighed'", Error(rules));
    }

    [Fact]
    public void APossibleRuleWithoutADanishReasonIsRejected()
    {
        var rules = Shipped();
        var possible = rules["kinds"]!.Values().SelectMany(k => k["rules"]!).First(r => (string)r["certainty"]! == "Possible");
        ((JObject)possible).Remove("reason");
        Assert.Contains($"rule '{possible["id"]}': a Possible rule needs a Danish 'reason'", Error(rules));
    }

    [Fact]
    public void AMisspelledSettingIsRejectedRatherThanIgnored()
    {
        var rules = Shipped();
        ((JObject)rules["scopes"]!["negation"]!)["windw"] = 3;
        Assert.Contains("windw", Error(rules));
    }

    [Fact]
    public void ALemmaEndingInAGapIsRejected()
    {
        var rules = Shipped();
        ((JArray)rules["concepts"]!["ask"]!).Add("vil gerne ..2");
        Assert.Contains("concept 'ask', lemma 'vil gerne ..2'", Error(rules));
    }
}
