using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>
/// Which request a scope's hit belongs to. The text core cuts clauses at punctuation and a few words ("men",
/// "fordi"); a clause it leaves whole may still hold an embedded phrase — a complement ("at …", "that …"), a relative
/// phrase ("som …", "which …") or an adverbial one ("efter at …", "når …", "for at …", "så jeg kan …"). A scope's word
/// inside such a phrase, after the request, is about what the phrase describes, not the request: "giv mig 14 dage,
/// efter at jeg har fået dem" is no past act, "forlænges med 14 dage så jeg kan indsende udtalelse fra min tidligere
/// arbejdsgiver" asks for no earlier date. It still governs the request when the phrase holds words of the request too
/// ("så I behøver ikke sende mig den") or, for a complement or relative phrase, opens within
/// <see cref="ComplementReach"/> words after them, as what the request says or asks ("aktindsigt, som hermed
/// begæres", "klager over, at …").
/// A clause scope (inClause, afterInClause) takes every such phrase. A sentence scope (inSentence, afterInSentence)
/// says what the sentence is about — an erasure, a symptom, more time — and a complement or adverbial phrase is part of
/// that ("beder jeg om at få slettet"), so it takes only a relative phrase: "en sag fra 2012, som er slettet fra
/// straffeattesten" describes that case and silences no request beside it. Text scopes, and every scope's hits before
/// the request, are placed as before.
/// </summary>
/// <param name="QuestionStart">The concept that opens a question clause, or -1.</param>
/// <param name="Complement">The concept <see cref="ComplementConcept"/>, or -1 (then no phrase is a complement).</param>
/// <param name="Relative">The concept <see cref="RelativeConcept"/>, or -1.</param>
/// <param name="Adverbial">The concept <see cref="AdverbialConcept"/>, or -1.</param>
internal readonly record struct Attachment(int QuestionStart, int Complement, int Relative, int Adverbial)
{
    /// <summary>The words that open a relative phrase ("som", "which"): it describes the noun before it.</summary>
    public const string RelativeConcept = "relative";

    /// <summary>The words that open a complement phrase ("at", "that").</summary>
    public const string ComplementConcept = "complement";

    /// <summary>The words that open an adverbial phrase of time or purpose ("efter at", "når", "for at", "så jeg kan", "until"): never what a request asks.</summary>
    public const string AdverbialConcept = "adverbial";

    /// <summary>How many words after a request's word a complement may open and still be what the request says ("beder jeg om at").</summary>
    private const int ComplementReach = 3;

    /// <summary>
    /// Whether <paramref name="hit"/>, in the anchor's clause and after it, stands in an embedded phrase that is not
    /// about the request whose words are <paramref name="evidence"/> (anchor first).
    /// </summary>
    /// <param name="relativeOnly">Only a relative phrase counts (for a sentence scope: a complement or adverbial phrase is part of what the sentence is about).</param>
    public bool InOtherPhrase(ConceptHit hit, ReadOnlySpan<ConceptHit> evidence, AnalyzedDocument document, ConceptHitIndex byConcept,
        bool relativeOnly = false)
    {
        var anchor = evidence[0];
        // Before the anchor, a phrase may be the one the request depends on; where it ends is not known.
        if (hit.First <= anchor.Last) return false;
        // The subordinating word nearest before the hit, after the anchor and in the hit's clause, opens the hit's
        // phrase, which runs to the end of that clause.
        var clause = document.ClauseSpans[document.Tokens[hit.First].Clause];
        var from = Math.Max(anchor.Last + 1, clause.FirstToken);
        ConceptHit? opening = null;
        var kind = PhraseKind.Complement;
        foreach (var (concept, k) in (ReadOnlySpan<(int, PhraseKind)>)[(Complement, PhraseKind.Complement), (Relative, PhraseKind.Relative), (Adverbial, PhraseKind.Adverbial)])
        {
            // "efter at" holds the complement word "at": the longer, adverbial reading wins.
            if (Nearest(concept, from, hit, byConcept) is { } word && (opening is not { } o || word.Last > o.Last || word.Last == o.Last && word.First < o.First))
            {
                opening = word;
                kind = k;
            }
        }
        if (opening is not { } open || relativeOnly && kind != PhraseKind.Relative) return false;
        foreach (var own in evidence)
        {
            // "så I behøver ikke sende mig den": the phrase holds words of the request itself, so it speaks about it.
            if (own.Last >= open.First && own.First < clause.EndToken) return false;
            // "aktindsigt, som hermed begæres", "klager over, at …": a complement or relative phrase opened right after
            // the request's words is what the request says or asks; an adverbial one never is.
            if (kind != PhraseKind.Adverbial && own.Last < open.First && open.First - own.Last <= ComplementReach) return false;
        }
        return true;
    }

    private enum PhraseKind { Complement, Relative, Adverbial }

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
