using Lucene.Net.Tartarus.Snowball.Ext;

namespace SmartPost.Api.Text;

/// <summary>
/// Whether a folded string is a Danish word or the Snowball stem of one, by the entries of the Hunspell dictionary
/// (<see cref="DanishDictionary"/>): what <see cref="PlausibleCompoundFilter"/> asks of the rest of a compound
/// ("forsikrings|police", "klage|frist"). Each entry is kept as its folded form and its folded stem — the two shapes a
/// compound's pieces have in the chain, whose term is the folded stem of the whole word — as 64-bit hashes in one
/// sorted arrays (≈ 2.5 MB, built once per process with the dictionary, ≈ 0.3 s of CPU). A hash collision could only
/// let one more compound split through; it cannot make a word match a lemma.
/// </summary>
internal static class DanishWordForms
{
    private static readonly Lazy<(ulong[] Forms, ulong[] Stems)> Hashes = new(Build);

    public static void EnsureLoaded() => _ = Hashes.Value;

    /// <summary>A dictionary entry, folded ("klage", "forsikring").</summary>
    public static bool IsForm(ReadOnlySpan<char> folded) => Array.BinarySearch(Hashes.Value.Forms, Hash(folded)) >= 0;

    /// <summary>A dictionary entry or the folded Snowball stem of one ("klag", "forlaeng").</summary>
    public static bool IsFormOrStem(ReadOnlySpan<char> folded) =>
        IsForm(folded) || Array.BinarySearch(Hashes.Value.Stems, Hash(folded)) >= 0;

    internal static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    private static (ulong[], ulong[]) Build()
    {
        var stemmer = new DanishStemmer();
        var forms = new List<ulong>(200_000);
        var stems = new List<ulong>(200_000);
        foreach (var entry in DanishDictionary.Entries())
        {
            forms.Add(Hash(DanishText.Fold(entry)));
            stemmer.SetCurrent(entry);
            stemmer.Stem();
            stems.Add(Hash(DanishText.Fold(stemmer.Current)));
        }
        return (Sorted(forms), Sorted(stems));
    }

    private static ulong[] Sorted(List<ulong> hashes)
    {
        hashes.Sort();
        var unique = new List<ulong>(hashes.Count);
        foreach (var h in hashes)
        {
            if (unique.Count == 0 || unique[^1] != h) unique.Add(h);
        }
        return [.. unique];
    }
}
