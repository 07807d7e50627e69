using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>What one rule found in one place: its certainty after the scopes, or that a scope blocked it.</summary>
/// <param name="Scope">The scope that blocked or downgraded the finding, if any.</param>
/// <param name="HitStore">The list of all candidates' hits of one matching, where this one's are <paramref name="FirstHit"/> on.</param>
internal sealed record Candidate(CompiledRule Rule, Certainty Certainty, bool Blocked, string? Reason, List<ConceptHit> HitStore, int FirstHit,
    int HitCount, AnalyzedDocument Document, string? Scope = null)
{
    /// <summary>The concept hits the rule found, its anchor first.</summary>
    public ReadOnlySpan<ConceptHit> Hits => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(HitStore).Slice(FirstHit, HitCount);
}

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
        var candidates = new List<Candidate>();
        Match(rules, document, subjectConcepts, candidates, []);
        return candidates;
    }

    /// <summary>
    /// The same as <see cref="Match(ScreeningRules, AnalyzedDocument, ISet{int}?)"/>, added to <paramref name="candidates"/>;
    /// <paramref name="hits"/> (cleared first) is first the text's concept hits and then the candidates' hit store (one
    /// list for all, instead of an array per candidate): the candidates read it until the caller empties it.
    /// </summary>
    public static void Match(ScreeningRules rules, AnalyzedDocument document, ISet<int>? subjectConcepts, List<Candidate> candidates,
        List<ConceptHit> hits)
    {
        rules.Concepts.Find(document, hits);
        using var byConcept = new ConceptHitIndex(hits, rules.Concepts.Names.Count);
        hits.Clear();

        var questionStart = rules.Concepts.Contains("questionStart") ? rules.Concepts.IdOf("questionStart") : -1;
        var attachment = new Attachment(questionStart, IdOrNone(rules, Attachment.ComplementConcept), IdOrNone(rules, Attachment.RelativeConcept),
            IdOrNone(rules, Attachment.AdverbialConcept));
        // The hits a rule is trying out; a candidate gets its own copy (most tries find no hit for the second concept).
        var chosen = new List<ConceptHit>();
        foreach (var rule in rules.Rules)
        {
            if (rule.SubjectConcept >= 0 && subjectConcepts?.Contains(rule.SubjectConcept) != true) continue;
            if (rule.UnlessSubject >= 0 && subjectConcepts?.Contains(rule.UnlessSubject) == true) continue;
            if (!EveryPlaceFound(rule, byConcept)) continue;
            foreach (var anchorConcept in rule.Concepts[0])
            {
                foreach (var anchor in byConcept.Of(anchorConcept))
                {
                    var candidate = Try(rule, anchor, document, byConcept, attachment, chosen, hits);
                    if (candidate is not null) candidates.Add(candidate);
                }
            }
        }
    }

    private static int IdOrNone(ScreeningRules rules, string concept) => rules.Concepts.Contains(concept) ? rules.Concepts.IdOf(concept) : -1;

    /// <summary>A thread keeps its lists for the next text up to this many items: a 256 kB reply has ≈ 28,000 concept hits.</summary>
    internal const int RetainedHits = 1 << 16;

    /// <summary>
    /// Whether each of the rule's places has a hit somewhere in the text: a rule with a concept the text never uses cannot
    /// match at any anchor, so its anchors are not tried one by one (most rules, on a short reply).
    /// </summary>
    private static bool EveryPlaceFound(CompiledRule rule, ConceptHitIndex byConcept)
    {
        foreach (var place in rule.Concepts)
        {
            var any = false;
            foreach (var concept in place) any |= byConcept.Any(concept);
            if (!any) return false;
        }
        return true;
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

    private static Candidate? Try(CompiledRule rule, ConceptHit anchor, AnalyzedDocument document, ConceptHitIndex byConcept, Attachment attachment,
        List<ConceptHit> chosen, List<ConceptHit> store)
    {
        ref readonly var token = ref document.Tokens[anchor.First];
        var sentences = document.SentenceSpans;
        var sentence = sentences[token.Sentence];
        if (rule.Spec.Question && !sentence.IsQuestion) return null;
        var unit = rule.Unit switch
        {
            RuleUnit.Clause => document.ClauseSpans[token.Clause],
            // "Jeg har hørt om en rapport fra politiet. Den vil jeg gerne se.": the thing asked for was named just before.
            RuleUnit.Adjacent when token.Sentence > 0 => sentence with { FirstToken = sentences[token.Sentence - 1].FirstToken },
            _ => sentence,
        };

        chosen.Clear();
        chosen.Add(anchor);
        for (var place = 1; place < rule.Concepts.Length; place++)
        {
            ConceptHit? found = null;
            foreach (var concept in rule.Concepts[place])
            {
                var hits = byConcept.Of(concept);
                for (var h = FirstFrom(hits, unit.FirstToken); h < hits.Length && hits[h].First < unit.EndToken; h++)
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
            if (Applies(scope, chosen, document, byConcept, attachment)) return new Candidate(rule, rule.Spec.Certainty, true, null, store, Keep(chosen, store), chosen.Count, document, scope.Name);
        }
        var certainty = rule.Spec.Certainty;
        var reason = rule.Spec.Reason;
        string? downgradedBy = null;
        // A spelling-tolerant reading of a short word ("klarer" read as "klager", "gentage" as "genoptage") finds
        // misspelt requests, but a letter or two away is also another word: evidence, not confirmation. A long word
        // ("aktindsit", "agtindsigt", "udsætelse") a letter away from a lemma is that lemma.
        if (certainty == Certainty.Certain && HasShortFuzzyWord(document, chosen))
        {
            certainty = Certainty.Possible;
            reason = "Et ord ligner {kind}, men kan være stavet forkert eller betyde noget andet – tjek";
            downgradedBy = "spelling";
        }
        foreach (var scope in rule.Downgrade)
        {
            if (certainty != Certainty.Certain || !Applies(scope, chosen, document, byConcept, attachment)) continue;
            certainty = Certainty.Possible;
            reason = scope.Spec.Reason ?? reason;
            downgradedBy = scope.Name;
        }
        return new Candidate(rule, certainty, false, certainty == Certainty.Possible ? reason : null, store, Keep(chosen, store), chosen.Count,
            document, downgradedBy);
    }

    /// <summary>Appends a candidate's hits to the store; where they start.</summary>
    private static int Keep(List<ConceptHit> chosen, List<ConceptHit> store)
    {
        var first = store.Count;
        store.AddRange(chosen);
        return first;
    }

    /// <summary>
    /// "Jeg ønsker ikke at klage, men kan jeg se …?": a clause of a question is itself a question when it ends the
    /// sentence or opens with a question word ("kan", "hvad", "will").
    /// </summary>
    private static bool IsQuestionClause(AnalyzedDocument document, in TextToken at, ConceptHitIndex byConcept, int questionStart)
    {
        ref readonly var sentence = ref document.SentenceSpans[at.Sentence];
        if (!sentence.IsQuestion) return false;
        ref readonly var clause = ref document.ClauseSpans[at.Clause];
        if (clause.IsQuestion || clause.EndToken == sentence.EndToken) return true;
        if (questionStart < 0) return false;
        var starts = byConcept.Of(questionStart);
        var opening = FirstFrom(starts, clause.FirstToken);
        return opening < starts.Length && starts[opening].First == clause.FirstToken;
    }

    /// <param name="evidence">The request's hits, its anchor first.</param>
    private static bool Applies(CompiledScope scope, List<ConceptHit> evidence, AnalyzedDocument document, ConceptHitIndex byConcept,
        Attachment attachment)
    {
        var tokens = document.Tokens;
        var anchor = evidence[0];
        ref readonly var at = ref tokens[anchor.First];
        if (scope.Spec.NotInQuestion && IsQuestionClause(document, at, byConcept, attachment.QuestionStart)) return false;
        if (scope.Spec.OnlyInQuestion && !document.SentenceSpans[at.Sentence].IsQuestion) return false;
        var hits = byConcept.Of(scope.Concept);
        if (hits.IsEmpty) return false;
        foreach (var concept in scope.UnlessInText)
        {
            if (byConcept.Any(concept)) return false;
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
        ref readonly var sentence = ref document.SentenceSpans[at.Sentence];
        for (var h = FirstFrom(hits, sentence.FirstToken); h < hits.Length && hits[h].First < sentence.EndToken; h++)
        {
            var hit = hits[h];
            ref readonly var first = ref tokens[hit.First];
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
            if (!placed || Shielded(hit, scope, byConcept)) continue;
            if (scope.Spec.NotInQuestion && InNegatedPolarQuestion(document, hit)) continue;
            // A scope's word in an embedded phrase after the request may be about something else (Attachment).
            var own = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(evidence);
            if (scope.Placement is ScopePlacement.InClause or ScopePlacement.AfterInClause && attachment.InOtherPhrase(hit, own, document, byConcept)) continue;
            if (scope.Placement is ScopePlacement.InSentence or ScopePlacement.AfterInSentence
                && attachment.InOtherPhrase(hit, own, document, byConcept, relativeOnly: true)) continue;
            return true;
        }
        return false;
    }

    /// <summary>
    /// "Kan I ikke udsætte fristen", "Kunne jeg ikke få en uge mere": a clause that opens with a modal and its subject is a
    /// polar question in Danish word order, with or without its "?", and the "ikke" right after them asks politely — it
    /// does not negate the request. A statement puts its subject first ("Jeg kan ikke nå det") or is inverted after a
    /// fronted phrase ("Derfor kan jeg ikke", "Hvis I ikke svarer, kan jeg ikke"), which the clause's first words tell.
    /// </summary>
    private static bool InNegatedPolarQuestion(AnalyzedDocument document, ConceptHit hit)
    {
        var tokens = document.Tokens;
        ref readonly var word = ref tokens[hit.First];
        ref readonly var clause = ref document.ClauseSpans[word.Clause];
        ref readonly var sentence = ref document.SentenceSpans[word.Sentence];
        var i = clause.FirstToken;
        // The clause opens the sentence, follows only a greeting ("Hej Peter, kan I ikke …"), or is joined by og/men.
        var opensSentence = i == sentence.FirstToken
            || (tokens[sentence.FirstToken].Shape & WordShape.Greeting) != 0 && tokens[i - 1].Clause == tokens[sentence.FirstToken].Clause;
        if ((tokens[i].Shape & WordShape.AndOrBut) != 0) i++;
        else if (!opensSentence) return false;
        if (i + 1 >= clause.EndToken || (tokens[i].Shape & WordShape.RequestModal) == 0 || (tokens[i + 1].Shape & WordShape.Subject) == 0) return false;
        // "Kan I ikke", "Kan I nu ikke", "Kunne man evt. ikke": the negation stands in the question's frame.
        return hit.First - (i + 1) is >= 1 and <= 2;
    }

    /// <summary>"ikke" inside "ikke tilfreds" is part of another concept, not a negation of the finding.</summary>
    private static bool Shielded(ConceptHit hit, CompiledScope scope, ConceptHitIndex byConcept)
    {
        foreach (var concept in scope.Unless)
        {
            var shields = byConcept.Of(concept);
            for (var s = FirstFrom(shields, hit.First - 20); s < shields.Length && shields[s].First < hit.First + 1; s++)
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
    internal static int FirstFrom(ReadOnlySpan<ConceptHit> hits, int from)
    {
        int low = 0, high = hits.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (hits[middle].First < from) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private const int ReliableFuzzyLength = 9;

    private static bool HasShortFuzzyWord(AnalyzedDocument document, List<ConceptHit> hits)
    {
        foreach (var hit in hits)
        {
            if (hit.Fuzzy && HasShortFuzzyWord(document, hit)) return true;
        }
        return false;
    }

    private static bool HasShortFuzzyWord(AnalyzedDocument document, ConceptHit hit)
    {
        var tokens = document.Tokens;
        for (var i = hit.First; i <= hit.Last; i++)
        {
            ref readonly var token = ref tokens[i];
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
