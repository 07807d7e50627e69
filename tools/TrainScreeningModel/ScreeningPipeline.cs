using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;
using SmartPost.Api.Screening.Learned;

namespace SmartPost.Tools.TrainScreeningModel;

public enum FeatureKind
{
    /// <summary>Word 1–2-grams and character 3–5-grams of the input text.</summary>
    Characters,

    /// <summary>Word 1–2-grams of the text core's folded stems of the input text.</summary>
    Stems,

    /// <summary>The stems, then the screening rules' concept words of the same text (<see cref="ConceptWords"/>).</summary>
    StemsConcepts,

    /// <summary>The stems, then each word's Danish dictionary lemma ("=få" for "fået").</summary>
    StemsLemmas,

    /// <summary>The stems, the concept words and the lemmas.</summary>
    StemsConceptsLemmas,

    /// <summary>
    /// Word 1–2-grams of the stems next to character 3–5-grams of the same stems text: a misspelt or dictated word
    /// ("udsætelse", "aktinsigt") shares most of its character n-grams with the word the writer meant.
    /// </summary>
    StemsChars,
}

public enum TrainerKind
{
    SdcaLogisticRegression,
    LightGbm,
}

/// <summary>A training row: the input text and one yes/no column per label.</summary>
public sealed class TrainingRow
{
    [ColumnName(ReplyModelInput.TextColumn)]
    public string Text { get; set; } = "";

    [ColumnName("Label_aktindsigt")]
    public bool AccessToRecords { get; set; }

    [ColumnName("Label_klage")]
    public bool Complaint { get; set; }

    [ColumnName("Label_fristforlaengelse")]
    public bool DeadlineExtension { get; set; }

    [ColumnName("Label_selvbetjening")]
    public bool SelfServiceExemption { get; set; }

    public static TrainingRow From(LabelledReply reply) => From(reply, FeatureKind.Characters);

    public static TrainingRow From(LabelledReply reply, FeatureKind features) => new()
    {
        Text = ExperimentText.Of(reply.Text, features),
        AccessToRecords = reply.Has(ModelLabels.AccessToRecords),
        Complaint = reply.Has(ModelLabels.Complaint),
        DeadlineExtension = reply.Has(ModelLabels.DeadlineExtension),
        SelfServiceExemption = reply.Has(ModelLabels.SelfServiceExemption),
    };

    public static string LabelColumn(string label) => "Label_" + label;
}

/// <summary>
/// Text → features (word 1–2-grams and character 3–5-grams of the lower-cased text, æøå kept, each L2-normalised) →
/// one binary classifier per label → one probability vector. The features are computed once for all labels.
/// </summary>
public static class ScreeningPipeline
{
    public const string Description =
        "lower-cased text with diacritics (æøå) kept, punctuation removed; word 1–2-grams (TF, L2) + character 3–5-grams incl. word-boundary markers (TF, L2)";

    public const string StemsDescription =
        "the text core's folded Danish stems of the input text (TextAnalyzer.Stems); word 1–2-grams (TF, L2)";

    public const string StemsCharsDescription =
        "the text core's folded Danish stems of the input text (TextAnalyzer.Stems); word 1–2-grams (TF, L2) + character 3–5-grams of the stems text incl. word-boundary markers (TF, L2)";

    public static string DescriptionOf(FeatureKind features) => features switch
    {
        FeatureKind.Characters => Description,
        FeatureKind.Stems => StemsDescription,
        FeatureKind.StemsChars => StemsCharsDescription,
        _ => StemsDescription + ", then " + InputOf(features)![6..].Replace("+", " and ") + " (an experiment)",
    };

    /// <summary>The manifest's <see cref="ScreeningModelManifest.Input"/> for these features.</summary>
    /// <remarks>The experimental sets name what they add: the API knows only "stems" and refuses to load such a model rather
    /// than score it as stems alone.</remarks>
    public static string? InputOf(FeatureKind features) => features switch
    {
        FeatureKind.Characters => null,
        // The model text is the stems; the character n-grams are computed from it inside the pipeline, so the API scores
        // it as a stems model (through ML.NET's pipeline: the direct scorer reads word n-grams only).
        FeatureKind.Stems or FeatureKind.StemsChars => ReplyClassifier.StemsInput,
        FeatureKind.StemsConcepts => "stems+concepts",
        FeatureKind.StemsLemmas => "stems+lemmas",
        _ => "stems+concepts+lemmas",
    };

    /// <summary>SDCA's L2 regularisation (chosen by cross-validation, see Trainer).</summary>
    public const float DefaultL2 = 1e-5f;

    public static IEstimator<ITransformer> Build(MLContext ml, IReadOnlyList<string> labels, TrainerKind trainer, FeatureKind features = FeatureKind.Characters,
        float l2 = DefaultL2)
    {
        var pipeline = features switch
        {
            FeatureKind.Characters => CharacterFeatures(ml),
            FeatureKind.StemsChars => StemAndCharacterFeatures(ml),
            _ => StemFeatures(ml),
        };
        foreach (var label in labels)
        {
            pipeline = pipeline.Append(Trainer(ml, TrainingRow.LabelColumn(label), trainer, l2))
                .Append(ml.Transforms.CopyColumns("P_" + label, "Probability"));
        }
        return pipeline.Append(ml.Transforms.Concatenate(ReplyModelOutput.ProbabilitiesColumn, labels.Select(l => "P_" + l).ToArray()));
    }

    // The stems are already lower-cased and folded; words are split at the spaces ModelText put between them.
    private static IEstimator<ITransformer> StemWords(MLContext ml) =>
        ml.Transforms.Text.TokenizeIntoWords("Words", ReplyModelInput.TextColumn, [' ']);

    private static IEstimator<ITransformer> StemFeatures(MLContext ml) => WordGrams(ml, StemWords(ml), "Features");

    // Word n-grams exactly as StemFeatures (into "WordFeatures"), then character n-grams of the same stems text.
    private static IEstimator<ITransformer> StemAndCharacterFeatures(MLContext ml) =>
        WordGrams(ml, StemWords(ml), "WordFeatures")
            .Append(CharacterGrams(ml, ReplyModelInput.TextColumn))
            .Append(ml.Transforms.Concatenate("Features", "WordFeatures", "CharFeatures"));

    // Word 1- and 2-grams of the "Words" column the given steps produce, TF, L2-normed into the output column.
    private static IEstimator<ITransformer> WordGrams(MLContext ml, IEstimator<ITransformer> words, string output) =>
        words.Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
            .Append(ml.Transforms.Text.ProduceNgrams("WordGrams", "WordKeys", ngramLength: 2, useAllLengths: true,
                weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
            .Append(ml.Transforms.NormalizeLpNorm(output, "WordGrams"));

    // Character 3-, 4- and 5-grams with word-boundary markers, TF, one L2 norm over all three, into "CharFeatures".
    private static IEstimator<ITransformer> CharacterGrams(MLContext ml, string input)
    {
        IEstimator<ITransformer> pipeline = ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", input, useMarkerCharacters: true);
        foreach (var n in new[] { 3, 4, 5 })
        {
            pipeline = pipeline.Append(ml.Transforms.Text.ProduceNgrams($"Char{n}", "Chars", ngramLength: n, useAllLengths: false,
                weighting: NgramExtractingEstimator.WeightingCriteria.Tf));
        }
        return pipeline
            .Append(ml.Transforms.Concatenate("CharGrams", "Char3", "Char4", "Char5"))
            .Append(ml.Transforms.NormalizeLpNorm("CharFeatures", "CharGrams"));
    }

    private static IEstimator<ITransformer> CharacterFeatures(MLContext ml)
    {
        var words = ml.Transforms.Text.NormalizeText("Normalized", ReplyModelInput.TextColumn,
                TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: true, keepPunctuations: false, keepNumbers: true)
            .Append(ml.Transforms.Text.TokenizeIntoWords("Words", "Normalized"));
        return WordGrams(ml, words, "WordFeatures")
            .Append(CharacterGrams(ml, "Normalized"))
            .Append(ml.Transforms.Concatenate("Features", "WordFeatures", "CharFeatures"));
    }

    // One thread each: the result must not depend on scheduling.
    private static IEstimator<ITransformer> Trainer(MLContext ml, string labelColumn, TrainerKind trainer, float l2) => trainer switch
    {
        TrainerKind.SdcaLogisticRegression => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = labelColumn,
            FeatureColumnName = "Features",
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 100,
            // Chosen by cross-validation (AUC): 1e-3 → 0.92/0.83/0.87, 1e-4 → 0.99/0.96/0.99, 1e-5 → 0.99/0.98/0.99 (aktindsigt/klage/frist).
            L2Regularization = l2,
        }),
        TrainerKind.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = labelColumn,
            FeatureColumnName = "Features",
            NumberOfThreads = 1,
            Seed = 1,
            Deterministic = true,
            NumberOfIterations = 200,
            LearningRate = 0.1,
            NumberOfLeaves = 15,
            MinimumExampleCountPerLeaf = 5,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(trainer)),
    };
}
