namespace SmartPost.Api.Text;

/// <summary>
/// What the characters between two words held, as far as <see cref="DocumentReader"/> decides sentences and clauses on
/// them: the <see cref="CharKinds"/> found (or-ed together) and how many line breaks. The word finder that skips the
/// gap sums it up as it goes; the Lucene path reads it with <see cref="Of"/>.
/// </summary>
internal readonly record struct Gap(int Kinds, int Newlines)
{
    /// <summary>Nothing that ends a sentence or a clause: spaces and tabs only (most gaps are one space).</summary>
    public bool EndsNothing => (Kinds & Splitting) == 0 && Newlines == 0;

    private const int Splitting = CharKinds.Exclamation | CharKinds.Question | CharKinds.FullStop | CharKinds.ClausePunctuation;

    public static Gap Of(ReadOnlySpan<char> between)
    {
        int kinds = 0, newlines = 0;
        foreach (var c in between)
        {
            var kind = CharKinds.Of(c);
            kinds |= kind;
            newlines += (kind & CharKinds.Newline) >> 5;
        }
        return new Gap(kinds, newlines);
    }
}
