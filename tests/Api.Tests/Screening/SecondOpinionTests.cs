using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

public class SecondOpinionTests
{
    private static readonly ScreeningOptions Options = new() { ModelThreshold = 0.5f, ModelRaiseThreshold = 0.9f };

    [Fact]
    public void AConfidentModelAddsAPossibleFindingTheRulesDidNotMake()
    {
        Assert.Equal(Certainty.Possible, SecondOpinion.Combine(null, 0.7f, Options));
        Assert.Null(SecondOpinion.Combine(null, 0.3f, Options));
    }

    [Fact]
    public void TheModelRaisesPartialEvidenceToCertainOnlyWhenVeryConfident()
    {
        Assert.Equal(Certainty.Certain, SecondOpinion.Combine(Certainty.Possible, 0.95f, Options));
        Assert.Equal(Certainty.Possible, SecondOpinion.Combine(Certainty.Possible, 0.7f, Options));
    }

    [Fact]
    public void TheModelNeverRemovesOrLowersARuleFinding() =>
        Assert.Equal(Certainty.Certain, SecondOpinion.Combine(Certainty.Certain, 0f, Options));
}
