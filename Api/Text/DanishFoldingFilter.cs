using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SmartPost.Api.Text;

/// <summary>
/// Folds a (stemmed) word as <see cref="DanishText.Fold"/> does — æ→ae, ø→oe, å→aa, other accents dropped — so
/// "afgørelse" and "afgoerelse" meet. It runs after the stemmer because the Danish stemmer needs æ, ø and å.
/// </summary>
internal sealed class DanishFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private char[] _scratch = new char[64];

    public DanishFoldingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (!System.Text.Ascii.IsValid(word))
        {
            var n = 0;
            foreach (var c in word) n = DanishText.AppendFolded(ref _scratch, n, c);
            _term.CopyBuffer(_scratch, 0, n);
        }
        return true;
    }
}
