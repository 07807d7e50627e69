using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>
/// Which request a clause scope's hit belongs to. The text core cuts clauses at punctuation and a few words ("men",
/// "fordi"); a clause it leaves whole may still hold an embedded phrase — a complement or relative phrase ("at …",
/// "som …", "that …") or an adverbial one ("efter at …", "når …", "for at …", "så jeg kan …"). A word of a clause
/// scope inside such a phrase, after the request, is about what the phrase describes, not the request: "giv mig 14
/// dage, efter at jeg har fået dem" is no past act, "forlænges med 14 dage, så jeg kan indsende udtalelse fra min
/// tidligere arbejdsgiver" asks for no earlier date. So it governs the request only when the phrase holds words of the
/// request too ("så I behøver ikke sende mig den") or, for a complement or relative phrase, opens within
/// <see cref="ComplementReach"/> words after them, as what the request says or asks ("aktindsigt, som hermed
/// begæres", "klager over, at …").
/// Sentence and text scopes are left as they are: they say what a sentence or the reply is about (an erasure, a symptom,
/// another request), and an embedded phrase is part of that.
/// </summary>
/// <param name="QuestionStart">The concept that opens a question clause, or -1.</param>
/// <param name="Complement">The concept <see cref="ComplementConcept"/>, or -1 (then no phrase is complement).</param>
/// <param name="Adverbial">The concept <see cref="AdverbialConcept"/>, or -1.</param>
internal readonly record struct Attachment(int QuestionStart, int Complement, int Adverbial)
{
    /// <summary>The words that open a complement or relative phrase ("at", "som", "that", "which").</summary>
    public const string ComplementConcept = "subordinate";

    /// <summary>The words that open an adverbial phrase of time or purpose ("efter at", "når", "for at", "så jeg kan", "until"): never what a request asks.</summary>
    public const string AdverbialConcept = "adverbialSubordinate";

    /// <summary>How many words after a request's word a complement may open and still be what the request says ("beder jeg om at").</summary>
    private const int ComplementReach = 3;

    /// <summary>
    /// Whether <paramref name="hit"/>, in the anchor's clause and after it, stands in an embedded phrase that is not
    /// about the request whose words are <paramref name="evidence"/> (anchor first).
    /// </summary>
    public bool InOtherPhrase(ConceptHit hit, ReadOnlySpan<ConceptHit> evidence, AnalyzedDocument document, ConceptHitIndex byConcept)
    {
        var anchor = evidence[0];
        // Before the anchor, a phrase may be the one the request depends on; where it ends is not known.
        if (hit.First <= anchor.Last) return false;
        // The subordinating word nearest before the hit and after the anchor opens the hit's phrase, which runs to the
        // end of the clause.
        var complement = Nearest(Complement, anchor.Last + 1, hit, byConcept);
        var adverbial = Nearest(Adverbial, anchor.Last + 1, hit, byConcept);
        // "efter at" holds the complement word "at": the longer, adverbial reading wins.
        var isAdverbial = adverbial is { } a && (complement is not { } c || a.Last >= c.Last);
        if ((isAdverbial ? adverbial : complement) is not { } opening) return false;
        var clauseEnd = document.ClauseSpans[document.Tokens[hit.First].Clause].EndToken;
        foreach (var own in evidence)
        {
            if (own.Last >= opening.First && own.First < clauseEnd) return false;
            if (!isAdverbial && own.Last < opening.First && opening.First - own.Last <= ComplementReach) return false;
        }
        return true;
    }

    /// <summary>The last hit of <paramref name="concept"/> that starts at <paramref name="from"/> or later and ends before <paramref name="hit"/>.</summary>
    private static ConceptHit? Nearest(int concept, int from, ConceptHit hit, ConceptHitIndex byConcept)
    {
        if (concept < 0) return null;
        var words = byConcept.Of(concept);
        ConceptHit? nearest = null;
        for (var w = RuleMatcher.FirstFrom(words, from); w < words.Length && words[w].Last < hit.First; w++) nearest = words[w];
        return nearest;
    }
}
