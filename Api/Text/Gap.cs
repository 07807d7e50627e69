namespace SmartPost.Api.Text;

/// <summary>
/// What the characters between two words held, as far as <see cref="DocumentReader"/> decides sentences and clauses on
/// them: the <see cref="CharKinds"/> found (or-ed together) and how many line breaks. The word finder reads it from the
/// gap it skipped; the Lucene path reads it with <see cref="Of"/>.
/// </summary>
// One 64-bit value rather than two ints: the reading loop hands it on once per word, and a pair of 4-byte fields written
// apart and read back as one 8-byte value stalled the store buffer without PGO's register allocation (≈ 15 % of reading
// a letter; BENCHMARKS.md, "Fifteenth session: the engine as the API runs it").
internal readonly struct Gap(int kinds, int newlines)
{
    private readonly long _value = (uint)kinds | (long)newlines << 32;

    public int Kinds => (int)_value;

    public int Newlines => (int)(_value >> 32);

    public void Deconstruct(out int kinds, out int newlines) => (kinds, newlines) = (Kinds, Newlines);

    /// <summary>Nothing that ends a sentence or a clause: spaces and tabs only (most gaps are one space).</summary>
    public bool EndsNothing => (_value & (Splitting | unchecked((long)0xFFFF_FFFF_0000_0000))) == 0;

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
