using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Text;

namespace SmartPost.Api.Tests.Screening;

public class TokenizerEquivalenceTests
{
    public static TheoryData<string> TrickyTexts() => new()
    {
        "Kære Færdselsstyrelsen, jeg ØNSKER aktindsigt!",
        "forven-\ntes og kommu-  \r\n  nikerer, men Akt-Indsigt og e-Boks",
        "soft\u00ADhyphen and soft\u00AD\nbreak, Crème brûlée, Yılmaz, Müller, Ærø Øster Åbenrå",
        "0,8 på begge øjne; kl. 9.30 den 15.? 311299-0000 § 36 – æøå ÆØÅ",
        "Ωmega ΣΊΣΥΦΟΣ ﬁne ligature and ١٢٣ digits",
        "",
        "-----",
        "ord-\nOrd (capital after hyphen break stays two words)",
    };

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public void FastTokenizerAgreesWithReferenceOnTrickyText(string text) =>
        Assert.Equal(ReferenceTokenizer.Tokenize(text), DanishText.Tokenize(text));

    [Fact]
    public void FastTokenizerAgreesWithReferenceOnAllSampleReplies()
    {
        foreach (var reply in LabelledReplies.Load(TestPaths.SharedFile("data", "replies-sample.jsonl"))
                     .Concat(LabelledReplies.Load(Path.Combine(TestPaths.RepoRoot, "tests", "Api.Tests", "Screening", "own-replies.jsonl"))))
        {
            Assert.Equal(ReferenceTokenizer.Tokenize(reply.Text), DanishText.Tokenize(reply.Text));
        }
    }

    [Fact]
    public void VeryLongWordIsKeptWhole()
    {
        var word = new string('a', 500) + "æ";
        Assert.Equal(new string('a', 500) + "ae", Assert.Single(DanishText.Tokenize(word)).Folded);
    }
}
