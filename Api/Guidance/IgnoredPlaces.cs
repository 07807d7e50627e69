namespace SmartPost.Api.Guidance;

/// <summary>
/// The sentences and clauses one field's scan sets aside (ignore cues) and the sentences that send an answer through
/// self-service: lent per thread, always empty when lent, so a scan does not grow three new hash sets through every
/// resize on each letter (12 % of a suggestion's GC stops were these sets). One lent out and not given back (an
/// exception) is simply collected, and the next scan gets new ones.
/// </summary>
internal sealed class IgnoredPlaces
{
    [ThreadStatic] private static IgnoredPlaces? t_spare;

    /// <summary>(rule, sentence) pairs a rule ignores; the klagevejledning's under a negative rule number.</summary>
    public HashSet<(int Rule, int Sentence)> Sentences { get; } = new();

    /// <summary>(rule, clause) pairs a rule ignores; self-service's under a negative rule number.</summary>
    public HashSet<(int Rule, int Clause)> Clauses { get; } = new();

    /// <summary>Sentences that require something to go through a self-service solution.</summary>
    public HashSet<int> SelfServiceSentences { get; } = new();

    /// <summary>Empty sets: the thread's spare, or new ones while the spare is lent out.</summary>
    public static IgnoredPlaces Rent()
    {
        var sets = t_spare ?? new IgnoredPlaces();
        t_spare = null;
        return sets;
    }

    /// <summary>
    /// Takes <paramref name="sets"/> back as the thread's spare, emptied; sets that held more than
    /// <paramref name="keepUpTo"/> items (a letter of megabytes) are left to the collector rather than kept for good.
    /// </summary>
    public static void Return(IgnoredPlaces sets, int keepUpTo)
    {
        if (sets.Sentences.Count > keepUpTo || sets.Clauses.Count > keepUpTo || sets.SelfServiceSentences.Count > keepUpTo) return;
        sets.Sentences.Clear();
        sets.Clauses.Clear();
        sets.SelfServiceSentences.Clear();
        t_spare = sets;
    }
}
