using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>Every labelled letter — the customer's sample and our own — gets the expected recommendation and category.</summary>
public class SampleLetterTests
{
    public static TheoryData<string> SampleIds => LabelledLetters.Ids(LabelledLetters.SamplePath);
    public static TheoryData<string> OwnIds => LabelledLetters.Ids(LabelledLetters.OwnPath);

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void SampleLetterGetsExpectedRecommendationAndCategory(string id) =>
        AssertExpected(LabelledLetters.Find(LabelledLetters.SamplePath, id));

    [Theory]
    [MemberData(nameof(OwnIds))]
    public void OwnLetterGetsExpectedRecommendationAndCategory(string id) =>
        AssertExpected(LabelledLetters.Find(LabelledLetters.OwnPath, id));

    private static void AssertExpected(LabelledLetter letter)
    {
        var suggestion = TestEngine.Shipped.Suggest(letter.Facts, letter.Standing);
        var why = $"{letter.Id} ({letter.Note}): got {suggestion.Recommendation}/{suggestion.Category}; "
            + string.Join(" | ", suggestion.Reasons);
        Assert.True(letter.ExpectedCategory == suggestion.Category, why);
        Assert.True(letter.ExpectedRecommendation == suggestion.Recommendation, why);
        if (letter.ExpectedConflict is { } conflict) Assert.True(conflict == suggestion.Conflict, why);
    }
}
