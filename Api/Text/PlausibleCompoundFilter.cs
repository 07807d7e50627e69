using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace SmartPost.Api.Text;

/// <summary>
/// Splits a long (stemmed, folded) word into the rules' stems it is made of, like Lucene's
/// <c>DictionaryCompoundWordTokenFilter</c> (at each position the longest stem found), but only where the word can be
/// read as that compound: the piece before the stem is itself a word (a linking "s" or "e" allowed: "aktindsigts|
/// anmodning", "klage|frist"), and the stem, completed to a word or not, is followed by nothing or by another word
/// ("klag|e|frist", "frist|udsaet"). A word counts when the Danish dictionary has it or its stem
/// (<see cref="DanishWordForms"/>) or it is a rule word. Without this, every stem of four letters or more was found
/// anywhere inside a word: "ring" (from "ringe") in "forsikringspolice" and "udstationering".
/// </summary>
internal sealed class PlausibleCompoundFilter : CompoundWordTokenFilterBase
{
    /// <summary>Pieces shorter than this are not taken for words ("ud", "op" are prefixes, not compound parts).</summary>
    private const int MinWord = 3;

    /// <summary>How far a first stem may be completed to its word ("aktinds|igt|s|anmodning", "bedoem|melse|s|skema").</summary>
    private const int MaxCompletion = 6;

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _ruleStems;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _ruleForms;

    /// <param name="parts">The stems a word is split into.</param>
    /// <param name="ruleStems">The rules' stems, accepted besides the dictionary's as what follows a first part.</param>
    /// <param name="ruleForms">The rules' whole lemma words (folded), accepted besides the dictionary's entries as the
    /// piece before a part.</param>
    public PlausibleCompoundFilter(TokenStream input, CharArraySet parts, HashSet<string> ruleStems, HashSet<string> ruleForms,
        int minWordSize, int minSubwordSize, int maxSubwordSize)
        : base(DanishAnalyzer.Version, input, parts, minWordSize, minSubwordSize, maxSubwordSize, onlyLongestMatch: true)
    {
        _ruleStems = ruleStems.GetAlternateLookup<ReadOnlySpan<char>>();
        _ruleForms = ruleForms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    protected override void Decompose()
    {
        var length = m_termAtt.Length;
        var term = m_termAtt.Buffer;
        for (var i = 0; i <= length - m_minSubwordSize; i++)
        {
            for (var j = Math.Min(m_maxSubwordSize, length - i); j >= m_minSubwordSize; j--)
            {
                if (!m_dictionary.Contains(term, i, j) || !IsPlausible(term.AsSpan(0, length), i, j)) continue;
                m_tokens.Enqueue(new CompoundToken(this, i, j));
                break;
            }
        }
    }

    /// <summary>
    /// Whether the word reads as a compound with the stem at <paramref name="start"/>. A later part must follow a word
    /// (a linking "s" or "e" allowed): that is what "ring" inside "forsikringspolice" or "udstationering" lacks. What
    /// comes after it is not judged: an ending, another word or a misspelt rest ("fristforlængeles"). A first part must
    /// be followed by an ending, a word or the start of one, after the stem is completed to its own word or not
    /// ("klag|e|frist", "aktinds|igt|s|anmodning", "langsom|t", "complain|ed"); "journal|ist" and "dokument|ation" are
    /// other words, not compounds.
    /// </summary>
    private bool IsPlausible(ReadOnlySpan<char> word, int start, int length)
    {
        if (start > 0) return IsFormWithLink(word[..start]);
        if (length == word.Length) return true;
        for (var completed = length; completed <= Math.Min(word.Length, length + MaxCompletion); completed++)
        {
            if (completed > length && !IsOwnWord(word[..completed], word[..length])) continue;
            var rest = word[completed..];
            if (rest.IsEmpty || Endings.Contains(rest) || BeginsWithWord(rest)) return true;
        }
        return false;
    }

    /// <summary>Inflection endings the Danish stemmer leaves on a compound's stem, and the English ones it does not know.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Endings = new HashSet<string>(
        ["e", "r", "s", "t", "n", "er", "en", "et", "es", "ne", "te", "de", "ede", "ene", "ens", "ers", "ets", "ende", "erne", "ed", "ing"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The rest is a word ("anfald|s|fri") or starts with one of four letters or more, after a linking "s" or
    /// "e" or not.</summary>
    private bool BeginsWithWord(ReadOnlySpan<char> rest)
    {
        for (var from = 0; from <= 1 && from < rest.Length; from++)
        {
            if (from == 1 && rest[0] is not ('s' or 'e')) break;
            if (IsWord(rest[from..])) return true;
            for (var end = rest.Length - 1; end >= from + 4; end--)
            {
                if (IsWord(rest[from..end])) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A whole word, or one followed by the linking "s" ("aktindsigts"). Not a linking "e": "udstation|e|ring" and
    /// "aflev|e|ring" are a verb's "-ering" noun, and a word that takes a linking "e" mostly ends in one ("klage|frist").
    /// </summary>
    private bool IsFormWithLink(ReadOnlySpan<char> piece) =>
        IsForm(piece) || (piece.Length > MinWord && piece[^1] == 's' && IsForm(piece[..^1]));

    /// <summary>
    /// The stem completed to its own word: a word whose stem it is ("klage" for "klag"), not a longer word that merely
    /// begins with it ("journalist", "dokumentation").
    /// </summary>
    private bool IsOwnWord(ReadOnlySpan<char> piece, ReadOnlySpan<char> stem)
    {
        if (!IsForm(piece)) return false;
        _stemmer.SetCurrent(piece.ToString());
        _stemmer.Stem();
        return _stemmer.CurrentBuffer.AsSpan(0, _stemmer.CurrentBufferLength).SequenceEqual(stem);
    }

    private readonly DanishStemmer _stemmer = new();

    private bool IsForm(ReadOnlySpan<char> piece) =>
        piece.Length >= MinWord && (_ruleForms.Contains(piece) || DanishWordForms.IsForm(piece));

    private bool IsWord(ReadOnlySpan<char> piece) =>
        piece.Length >= MinWord && (_ruleStems.Contains(piece) || _ruleForms.Contains(piece) || DanishWordForms.IsFormOrStem(piece));
}
