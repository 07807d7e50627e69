using Newtonsoft.Json;
using SmartPost.Api.Guidance;
using SmartPost.EvaluateLetters;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// The guidance scan lends its ignore sets and self-service sentences per thread (<c>IgnoredPlaces</c>) and makes a
/// rule's evidence list only when the rule finds something: a letter's answer must not depend on the letters the thread
/// suggested before it.
/// </summary>
public class ReusedScanBuffersTests
{
    [Fact]
    public void ALetterSuggestedAgainAfterAnotherGetsTheSameAnswer()
    {
        var letters = LetterCorpus.Read("sample-letters.jsonl");
        Assert.True(letters.Count > 10);
        foreach (var a in letters)
        {
            // A first answer on a thread whose sets another letter has just used, then B, then A again: every pair.
            var before = Answer(a);
            foreach (var b in letters)
            {
                if (b == a) continue;
                Answer(b);
                Assert.Equal(before, Answer(a));
            }
        }
    }

    private static string Answer(CorpusLetter letter)
    {
        var suggestion = TestEngine.Shipped.Suggest(letter.Facts, letter.Standing, letter.ChosenOption);
        var text = new StringWriter();
        using (var writer = new JsonTextWriter(text)) SuggestionJson.Write(writer, suggestion);
        return text.ToString();
    }
}
