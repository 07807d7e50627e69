using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>What one rule found in one place: its certainty after the scopes, or that a scope blocked it.</summary>
/// <param name="Scope">The scope that blocked or downgraded the finding, if any.</param>
internal sealed record Candidate(CompiledRule Rule, Certainty Certainty, bool Blocked, string? Reason, List<ConceptHit> Hits, AnalyzedDocument Document,
    string? Scope = null);

/// <summary>Where a rule's concepts must meet (<see cref="RuleSpec.Within"/>).</summary>
internal enum RuleUnit { Sentence, Clause, Adjacent }

/// <summary>Where a scope's concept must stand relative to a rule's anchor (<see cref="ScopeSpec.Where"/>); Unknown never applies.</summary>
internal enum ScopePlacement
{
    Unknown, InText, InClause, BeforeInClause, BeforeOrAtInClause, AfterInClause, InSentence, BeforeInSentence, AfterInSentence,
}

/// <summary>
/// Applies the compiled rules to one analysed text: for each hit of a rule's first concept, the other concepts must be
/// found (not overlapping) in the same clause or sentence; then each blocking scope present makes it a non-finding
/// and each downgrading scope makes a Certain finding Possible.
/// </summary>
internal static class RuleMatcher
{
    /// <param name="subjectConcepts">Concepts found in the subject (also a reply-prefixed one), for rules with a subject condition.</param>
    public static List<Candidate> Match(ScreeningRules rules, AnalyzedDocument document, ISet<int>? subjectConcepts = null)
    {
        var hits = rules.Concepts.Find(document);
        var perConcept = new int[rules.Concepts.Names.Count];
        foreach (var hit in hits) perConcept[hit.Concept]++;
        var byConcept = new List<ConceptHit>[perConcept.Length];
        foreach (var hit in hits) (byConcept[hit.Concept] ??= new List<ConceptHit>(perConcept[hit.Concept])).Add(hit);

        var questionStart = rules.Concepts.Contains("questionStart") ? rules.Concepts.IdOf("questionStart") : -1;
        var candidates = new List<Candidate>();
        // The hits a rule is trying out; a candidate gets its own copy (most tries find no hit for the second concept).
        var chosen = new List<ConceptHit>();
        foreach (var rule in rules.Rules)
        {
            if (rule.SubjectConcept >= 0 && subjectConcepts?.Contains(rule.SubjectConcept) != true) continue;
            if (rule.UnlessSubject >= 0 && subjectConcepts?.Contains(rule.UnlessSubject) == true) continue;
            foreach (var anchorConcept in rule.Concepts[0])
            {
                foreach (var anchor in byConcept[anchorConcept] ?? [])
                {
                    var candidate = Try(rule, anchor, document, byConcept, questionStart, chosen);
                    if (candidate is not null) candidates.Add(candidate);
                }
            }
        }
        return candidates;
    }

    internal static RuleUnit UnitOf(string? within) => within switch
    {
        "clause" => RuleUnit.Clause,
        "adjacent" => RuleUnit.Adjacent,
        _ => RuleUnit.Sentence,
    };

    internal static ScopePlacement PlacementOf(string where) => where switch
    {
        "inText" => ScopePlacement.InText,
        "inClause" => ScopePlacement.InClause,
        "beforeInClause" => ScopePlacement.BeforeInClause,
        "beforeOrAtInClause" => ScopePlacement.BeforeOrAtInClause,
        "afterInClause" => ScopePlacement.AfterInClause,
        "inSentence" => ScopePlacement.InSentence,
        "beforeInSentence" => ScopePlacement.BeforeInSentence,
        "afterInSentence" => ScopePlacement.AfterInSentence,
        _ => ScopePlacement.Unknown,
    };

    private static Candidate? Try(CompiledRule rule, ConceptHit anchor, AnalyzedDocument document, List<ConceptHit>[] byConcept, int questionStart,
        List<ConceptHit> chosen)
    {
        var token = document.Tokens[anchor.First];
        var sentence = document.Sentences[token.Sentence];
        if (rule.Spec.Question && !sentence.IsQuestion) return null;
        var unit = rule.Unit switch
        {
            RuleUnit.Clause => document.Clauses[token.Clause],
            // "Jeg har hørt om en rapport fra politiet. Den vil jeg gerne se.": the thing asked for was named just before.
            RuleUnit.Adjacent when token.Sentence > 0 => sentence with { FirstToken = document.Sentences[token.Sentence - 1].FirstToken },
            _ => sentence,
        };

        chosen.Clear();
        chosen.Add(anchor);
        for (var place = 1; place < rule.Concepts.Length; place++)
        {
            ConceptHit? found = null;
            foreach (var concept in rule.Concepts[place])
            {
                var hits = byConcept[concept];
                if (hits is null) continue;
                for (var h = FirstFrom(hits, unit.FirstToken); h < hits.Count && hits[h].First < unit.EndToken; h++)
                {
                    var hit = hits[h];
                    // Hits must not share words ("kan jeg få" is no request plus a "få"), except inside the first
                    // concept's own hit ("venligst" in "tag venligst sagen op igen").
                    if (SharesWords(chosen, hit, anchor)) continue;
                    if (found is null || Math.Abs(hit.First - anchor.First) < Math.Abs(found.Value.First - anchor.First)) found = hit;
                }
            }
            if (found is null) return null;
            chosen.Add(found.Value);
        }

        foreach (var scope in rule.Block)
        {
            if (Applies(scope, anchor, document, byConcept, questionStart)) return new Candidate(rule, rule.Spec.Certainty, true, null, [.. chosen], document, scope.Name);
        }
        var certainty = rule.Spec.Certainty;
        var reason = rule.Spec.Reason;
        string? downgradedBy = null;
        // A spelling-tolerant reading of a short word ("klarer" read as "klager", "gentage" as "genoptage") finds
        // misspelt requests, but a letter or two away is also another word: evidence, not confirmation. A long word
        // ("aktindsit", "agtindsigt", "udsætelse") a letter away from a lemma is that lemma.
        if (certainty == Certainty.Certain && chosen.Exists(h => h.Fuzzy && HasShortFuzzyWord(document, h)))
        {
            certainty = Certainty.Possible;
            reason = "Et ord ligner {kind}, men kan være stavet forkert eller betyde noget andet – tjek";
            downgradedBy = "spelling";
        }
        foreach (var scope in rule.Downgrade)
        {
            if (certainty != Certainty.Certain || !Applies(scope, anchor, document, byConcept, questionStart)) continue;
            certainty = Certainty.Possible;
            reason = scope.Spec.Reason ?? reason;
            downgradedBy = scope.Name;
        }
        return new Candidate(rule, certainty, false, certainty == Certainty.Possible ? reason : null, [.. chosen], document, downgradedBy);
    }

    /// <summary>
    /// "Jeg ønsker ikke at klage, men kan jeg se …?": a clause of a question is itself a question when it ends the
    /// sentence or opens with a question word ("kan", "hvad", "will").
    /// </summary>
    private static bool IsQuestionClause(AnalyzedDocument document, TextToken at, List<ConceptHit>[] byConcept, int questionStart)
    {
        if (!document.Sentences[at.Sentence].IsQuestion) return false;
        var clause = document.Clauses[at.Clause];
        if (clause.IsQuestion || clause.EndToken == document.Sentences[at.Sentence].EndToken) return true;
        if (questionStart < 0 || byConcept[questionStart] is not { } starts) return false;
        var opening = FirstFrom(starts, clause.FirstToken);
        return opening < starts.Count && starts[opening].First == clause.FirstToken;
    }

    private static bool Applies(CompiledScope scope, ConceptHit anchor, AnalyzedDocument document, List<ConceptHit>[] byConcept, int questionStart)
    {
        var tokens = document.Tokens;
        var at = tokens[anchor.First];
        if (scope.Spec.NotInQuestion && IsQuestionClause(document, at, byConcept, questionStart)) return false;
        if (scope.Spec.OnlyInQuestion && !document.Sentences[at.Sentence].IsQuestion) return false;
        if (byConcept[scope.Concept] is not { } hits) return false;
        foreach (var concept in scope.UnlessInText)
        {
            if (byConcept[concept] is not null) return false;
        }
        // "Jeg er ikke enig, men det er ikke en klage": a waiver anywhere in the writer's own words speaks for the whole
        // reply (quoted words never make a hit).
        if (scope.Placement == ScopePlacement.InText)
        {
            foreach (var hit in hits)
            {
                if (!Shielded(hit, scope, byConcept)) return true;
            }
            return false;
        }
        // Every other placement lies within the anchor's sentence.
        var sentence = document.Sentences[at.Sentence];
        for (var h = FirstFrom(hits, sentence.FirstToken); h < hits.Count && hits[h].First < sentence.EndToken; h++)
        {
            var hit = hits[h];
            var first = tokens[hit.First];
            var window = scope.Spec.Window;
            var placed = scope.Placement switch
            {
                ScopePlacement.InClause => first.Clause == at.Clause,
                ScopePlacement.BeforeInClause => first.Clause == at.Clause && hit.Last < anchor.First && (window == 0 || anchor.First - hit.Last <= window),
                // "Jeg har klaget" (the act is past), not "jeg klager over, at ansøgningen er blevet afvist" (the act is now).
                ScopePlacement.BeforeOrAtInClause => first.Clause == at.Clause && hit.First <= anchor.Last && (window == 0 || anchor.First - hit.Last <= window),
                ScopePlacement.AfterInClause => first.Clause == at.Clause && hit.First > anchor.Last && (window == 0 || hit.First - anchor.Last <= window),
                ScopePlacement.InSentence => first.Sentence == at.Sentence,
                ScopePlacement.BeforeInSentence => first.Sentence == at.Sentence && hit.Last < anchor.First && (window == 0 || anchor.First - hit.Last <= window),
                ScopePlacement.AfterInSentence => first.Sentence == at.Sentence && hit.First > anchor.Last && (window == 0 || hit.First - anchor.Last <= window),
                _ => false,
            };
            if (placed && !Shielded(hit, scope, byConcept)) return true;
        }
        return false;
    }

    /// <summary>"ikke" inside "ikke tilfreds" is part of another concept, not a negation of the finding.</summary>
    private static bool Shielded(ConceptHit hit, CompiledScope scope, List<ConceptHit>[] byConcept)
    {
        foreach (var concept in scope.Unless)
        {
            if (byConcept[concept] is not { } shields) continue;
            for (var s = FirstFrom(shields, hit.First - 20); s < shields.Count && shields[s].First < hit.First + 1; s++)
            {
                if (shields[s].First <= hit.First && hit.Last <= shields[s].Last) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The index of the first hit starting at word <paramref name="from"/> or later. Hits are in text order, so a long
    /// letter costs a binary search per lookup rather than a scan of every hit of the concept.
    /// </summary>
    private static int FirstFrom(List<ConceptHit> hits, int from)
    {
        int low = 0, high = hits.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (hits[middle].First < from) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private const int ReliableFuzzyLength = 9;

    private static bool HasShortFuzzyWord(AnalyzedDocument document, ConceptHit hit)
    {
        for (var i = hit.First; i <= hit.Last; i++)
        {
            var token = document.Tokens[i];
            if (token.Fuzzy && token.Length < ReliableFuzzyLength) return true;
        }
        return false;
    }

    private static bool SharesWords(List<ConceptHit> chosen, ConceptHit hit, ConceptHit anchor)
    {
        foreach (var c in chosen)
        {
            if (Overlaps(c, hit) && !Inside(hit, anchor)) return true;
        }
        return false;
    }

    private static bool Overlaps(ConceptHit a, ConceptHit b) => a.First <= b.Last && b.First <= a.Last;

    private static bool Inside(ConceptHit inner, ConceptHit outer) =>
        outer.First <= inner.First && inner.Last <= outer.Last && (inner.First, inner.Last) != (outer.First, outer.Last);
}
