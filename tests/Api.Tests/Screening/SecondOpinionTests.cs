using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

public class SecondOpinionTests
{
    private static readonly ScreeningOptions Options = new() { ModelThreshold = 0.5f, ModelRaiseThreshold = 0.9f };

    [Fact]
    public void AConfidentModelAddsAPossibleFindingTheRulesDidNotMake()
    {
        Assert.Equal(Certainty.Possible, SecondOpinion.Combine(null, 0.7f, Options.ModelThreshold, Options));
        Assert.Null(SecondOpinion.Combine(null, 0.3f, Options.ModelThreshold, Options));
    }

    [Fact]
    public void TheModelRaisesPartialEvidenceToCertainOnlyWhenVeryConfident()
    {
        Assert.Equal(Certainty.Certain, SecondOpinion.Combine(Certainty.Possible, 0.95f, Options.ModelThreshold, Options));
        Assert.Equal(Certainty.Possible, SecondOpinion.Combine(Certainty.Possible, 0.7f, Options.ModelThreshold, Options));
    }

    [Fact]
    public void TheModelLowersACertainFindingItFindsVeryUnlikelyToPossibleButNeverRemovesIt()
    {
        var options = new ScreeningOptions { ModelThreshold = 0.5f, ModelRaiseThreshold = 0.9f, ModelLowerThreshold = 0.05f };
        Assert.Equal(Certainty.Possible, SecondOpinion.Combine(Certainty.Certain, 0.01f, options.ModelThreshold, options));
        Assert.Equal(Certainty.Certain, SecondOpinion.Combine(Certainty.Certain, 0.2f, options.ModelThreshold, options));
        Assert.Equal(Certainty.Possible, SecondOpinion.Combine(Certainty.Possible, 0f, options.ModelThreshold, options));
    }

    [Fact]
    public void WithoutAModelTheRulesDecideAlone()
    {
        var options = new ScreeningOptions { ModelLowerThreshold = 0.05f };
        Assert.Equal(Certainty.Certain, SecondOpinion.Combine(Certainty.Certain, null, options.ModelThreshold, options));
        Assert.Equal(Certainty.Possible, SecondOpinion.Combine(Certainty.Possible, null, options.ModelThreshold, options));
        Assert.Null(SecondOpinion.Combine(null, null, options.ModelThreshold, options));
    }
}
