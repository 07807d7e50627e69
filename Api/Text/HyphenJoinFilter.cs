using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SmartPost.Api.Text;

/// <summary>"akt-indsigt" and "e-mail" are one word: hyphens inside a word are dropped, a lone dash is no word.</summary>
internal sealed class HyphenJoinFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public HyphenJoinFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var buffer = _term.Buffer;
            var length = _term.Length;
            if (buffer.AsSpan(0, length).IndexOfAny('-', '\u00AD') < 0) return true;
            var n = 0;
            for (var i = 0; i < length; i++)
            {
                if (buffer[i] is not ('-' or '\u00AD')) buffer[n++] = buffer[i];
            }
            if (n == 0) continue;
            _term.Length = n;
            return true;
        }
        return false;
    }
}
