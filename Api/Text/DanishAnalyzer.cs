using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace SmartPost.Api.Text;

/// <summary>
/// The one analysis chain (a Lucene analyzer): line-break hyphenation removed → words → hyphens joined → lower case →
/// Danish Snowball stem of the unfolded word → æ/ae, ø/oe, å/aa and accents folded → compounds split into the
/// dictionary's parts where the word reads as that compound ("aktindsigtsanmodning" → + "aktindsigt", "anmodning";
/// not "ring" in "forsikringspolice"), parts at the same position. Offsets
/// always refer to the original text. Lucene reuses the components per thread, so one instance serves the app.
/// </summary>
public sealed class DanishAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // "kommu-\nnikerer" is one word; the char filter corrects offsets for what it removes.
    private static readonly NormalizeCharMap LineBreakHyphens = BuildLineBreakHyphens();

    private readonly CharArraySet? _compoundParts;
    private readonly HashSet<string> _ruleStems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ruleForms = new(StringComparer.Ordinal);
    private readonly bool _joinLineBreakHyphens;

    /// <param name="compoundParts">Folded stems a compound is split into; null = no compound splitting.</param>
    /// <param name="ruleForms">The rules' whole lemma words (folded), taken as words besides the Danish dictionary's
    /// where a compound's split is judged (<see cref="PlausibleCompoundFilter"/>), as the parts' stems are.</param>
    /// <param name="joinLineBreakHyphens">Join "kommu-⏎nikerer". The char filter looks up every character, which costs
    /// more than the rest of the chain, so <see cref="TextAnalyzer"/> uses it only for texts that have such a break.</param>
    public DanishAnalyzer(IEnumerable<string>? compoundParts = null, bool joinLineBreakHyphens = true, IEnumerable<string>? ruleForms = null)
    {
        _joinLineBreakHyphens = joinLineBreakHyphens;
        if (compoundParts is null) return;
        _compoundParts = new CharArraySet(Version, 64, ignoreCase: false);
        foreach (var part in compoundParts)
        {
            _compoundParts.Add(part);
            _ruleStems.Add(part);
        }
        foreach (var form in ruleForms ?? []) _ruleForms.Add(form);
        DanishWordForms.EnsureLoaded();
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        _joinLineBreakHyphens ? new MappingCharFilter(LineBreakHyphens, reader) : reader;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WordTokenizer(reader);
        TokenStream stream = new HyphenJoinFilter(source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new SnowballFilter(stream, new DanishStemmer());
        stream = new DanishFoldingFilter(stream);
        if (_compoundParts is { Count: > 0 })
        {
            // Only long words are compounds worth splitting; parts of four letters or more ("klag", "frist").
            stream = new PlausibleCompoundFilter(stream, _compoundParts, _ruleStems, _ruleForms, minWordSize: 8, minSubwordSize: 4, maxSubwordSize: 15);
        }
        return new TokenStreamComponents(source, stream);
    }

    private static NormalizeCharMap BuildLineBreakHyphens()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add("-\r\n", "");
        builder.Add("-\n", "");
        builder.Add("\u00AD\n", "");
        return builder.Build();
    }
}

/// <summary>Words are runs of letters and digits; a hyphen or soft hyphen inside a word is kept for <see cref="HyphenJoinFilter"/>.</summary>
internal sealed class WordTokenizer(TextReader reader) : CharTokenizer(DanishAnalyzer.Version, reader)
{
    protected override bool IsTokenChar(int c) => c is '-' or '\u00AD' || System.Text.Rune.IsLetterOrDigit(new System.Text.Rune(c));
}
