using SmartPost.Api.Text;

namespace SmartPost.Api.Guidance.Learned;

/// <summary>
/// What the learned category model reads: the stems the text core already made for the rules (title words, text words,
/// pairs of neighbouring text words in a sentence), the folded document type and the caseClosed flag, each hashed into a
/// fixed space of <see cref="Dimension"/> indices. Hashing the core's stems costs a few hundred nanoseconds per letter and
/// needs no vocabulary of its own; training (tools/TrainLetterModel) and scoring use this one definition.
/// </summary>
public static class LetterFeatures
{
    /// <summary>Size of the hashed feature space; a change needs a retrained model.</summary>
    public const int Dimension = 1 << 15;

    public const string Description =
        "binary presence of hashed (FNV-1a, 2^15) text-core stems: title words, text words, neighbouring text-word pairs within a sentence; folded document type; caseClosed flag";

    private const uint TitleWord = 0x811C9DC5, TextWord = 0x01000193, WordPair = 0x9E3779B9, DocumentType = 0x85EBCA6B;
    private const int CaseClosedIndex = 0;

    /// <summary>
    /// A word that says something about the letter: a stem of at least four characters. Danish function words (og, at,
    /// du, vi, det, til, om, har, kan, med, på …) are shorter, so this counts how much the letter says, not how it says it.
    /// </summary>
    public static bool IsContentWord(ReadOnlySpan<char> stem) => stem.Length >= 4;

    /// <summary>
    /// Adds the words of an analysed title or text (quoted text is not the letter's own and is skipped); returns how many
    /// content words the text has of its own (0 for a title).
    /// </summary>
    internal static int AddWords(AnalyzedDocument document, bool inTitle, List<int> into)
    {
        var contentWords = 0;
        var previous = 0u;
        var previousSentence = -1;
        var tokens = document.Tokens;
        for (var word = 0; word < tokens.Length; word++)
        {
            var token = tokens[word];
            if (token.Quoted) continue;
            var stem = document.Stem(word);
            var hash = Hash(inTitle ? TitleWord : TextWord, stem);
            into.Add(Index(hash));
            if (!inTitle)
            {
                if (IsContentWord(stem)) contentWords++;
                if (token.Sentence == previousSentence) into.Add(Index(Mix(WordPair, previous, hash)));
                previous = hash;
                previousSentence = token.Sentence;
            }
        }
        return contentWords;
    }

    internal static void AddDocumentType(string? normalizedType, List<int> into)
    {
        if (!string.IsNullOrEmpty(normalizedType)) into.Add(Index(Hash(DocumentType, normalizedType)));
    }

    internal static void AddCaseClosed(bool? caseClosed, List<int> into)
    {
        if (caseClosed == true) into.Add(CaseClosedIndex);
    }

    /// <summary>The features as sorted distinct indices (the form the model and the trainer take).</summary>
    internal static int[] Sorted(List<int> features)
    {
        features.Sort();
        var distinct = 0;
        for (var i = 0; i < features.Count; i++)
        {
            if (i == 0 || features[i] != features[i - 1]) features[distinct++] = features[i];
        }
        return features.GetRange(0, distinct).ToArray();
    }

    private static uint Hash(uint seed, ReadOnlySpan<char> text)
    {
        var h = seed;
        foreach (var c in text) h = (h ^ c) * 0x01000193;
        return h;
    }

    private static uint Mix(uint seed, uint a, uint b) => ((seed ^ a) * 0x01000193 ^ b) * 0x01000193;

    // Index 0 is the caseClosed flag; words use 1 … Dimension-1.
    private static int Index(uint hash) => 1 + (int)(hash % (Dimension - 1));
}
