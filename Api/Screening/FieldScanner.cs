using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>A term that survived the context checks.</summary>
internal sealed record TermFinding(FlagKind Kind, TermGroup Group, Evidence Evidence, int First, int Last, bool Reference);

/// <summary>
/// Screens one field (subject or own text): finds every phrase, then drops terms whose context says they are not a
/// request — negated, hypothetical, a question about the word, our own boilerplate, or about another body.
/// </summary>
internal static class FieldScanner
{
    /// <summary>The findings, whether a status question was seen, and the kinds (bit per <see cref="FlagKind"/>) that had
    /// a term the context cancelled — the field talks about the topic without asking for it.</summary>
    public static (List<TermFinding> Findings, bool StatusCue, int CancelledKinds) Scan(
        ScreeningLexicon lexicon, string text, string original, string field, IReadOnlySet<int>? anchoredByEchoSubject = null)
    {
        var tokens = DanishText.Tokenize(text);
        var layout = new TextLayout(text, tokens);
        var hits = new List<PhraseHit>();
        lexicon.Index.FindAll(tokens, layout.Sentence, hits);

        var startsClause = new bool[tokens.Count];
        var boilerplateSentences = new HashSet<int>();
        var boilerplateLines = new bool[layout.LineCount];
        var lineTokens = new int[layout.LineCount];
        var statusCue = false;
        for (var token = 0; token < tokens.Count; token++) lineTokens[layout.Line[token]]++;
        foreach (var hit in hits)
        {
            switch (hit.Phrase.Role)
            {
                case PhraseRole.ClauseBreak: startsClause[hit.First] = true; break;
                case PhraseRole.Status: statusCue = true; break;
                case PhraseRole.Boilerplate:
                    boilerplateSentences.Add(layout.Sentence[hit.First]);
                    boilerplateLines[layout.Line[hit.First]] = true;
                    break;
            }
        }
        layout.MarkClauses(text, tokens, startsClause);
        var anchors = new NearAnchors(hits, layout.Sentence, anchoredByEchoSubject ?? NearAnchors.None);

        var findings = new List<TermFinding>();
        var cancelledKinds = 0;
        var file = lexicon.File;
        var from = 0;
        for (var k = 0; k < hits.Count; k++)
        {
            var hit = hits[k];
            // Hits are in text order, so the cues of this sentence start where its sentence number first appears.
            if (layout.Sentence[hits[from].First] != layout.Sentence[hit.First]) from = k;
            if (hit.Phrase.Role != PhraseRole.Term) continue;
            var group = file.Terms[hit.Phrase.Owner];
            var kind = group.Kind!.Value;
            var sentence = layout.Sentence[hit.First];
            if (boilerplateSentences.Contains(sentence) || IsBoilerplateHeading(hit, layout, lineTokens, boilerplateLines)) continue;
            if (!anchors.Anchors(group, hit.Phrase.Owner, sentence)) continue;

            var cancelled = false;
            for (var j = from; j < hits.Count && layout.Sentence[hits[j].First] == sentence; j++)
            {
                var cue = hits[j];
                if (cue.Phrase.Role is PhraseRole.Term or PhraseRole.ClauseBreak) continue;
                var before = cue.Last < hit.First ? hit.First - cue.Last - 1 : -1;
                var after = cue.First > hit.Last ? cue.First - hit.Last - 1 : -1;
                var sameClause = layout.Clause[cue.First] == layout.Clause[hit.First] && layout.Clause[cue.Last] == layout.Clause[hit.Last];
                cancelled = cue.Phrase.Role switch
                {
                    PhraseRole.Exclusion => Excludes(file.Exclusions[cue.Phrase.Owner], kind, before, after),
                    // A word question ("Hvad er forskellen på at klage og at bede om genoptagelse?") covers its whole question clause.
                    PhraseRole.Definition => before >= 0 && (before <= file.DefinitionQuestion.WindowBefore || (sameClause && layout.InQuestionClause(cue.First))),
                    PhraseRole.Negation => sameClause && !layout.InQuestionClause(cue.First) && !IsNegationLifted(cue, tokens, lexicon)
                        && ((before >= 0 && before <= file.Negation.WindowBefore && OnlyBridges(tokens, cue.Last + 1, hit.First, lexicon))
                            || (after >= 0 && after <= file.Negation.WindowAfter && OnlyBridges(tokens, hit.Last + 1, cue.First, lexicon))
                            || (cue.First > hit.First && cue.Last < hit.Last && file.Negation.InsideTermKinds.Contains(kind))),
                    PhraseRole.Conditional => Applies(file.Conditional, kind) && before >= 0 && before <= file.Conditional.WindowBefore,
                    PhraseRole.ConditionalAfter => Applies(file.ConditionalAfter, kind) && after >= 0 && after <= file.ConditionalAfter.WindowAfter,
                    PhraseRole.ConditionalInClause => Applies(file.ConditionalInClause, kind) && sameClause
                        && before >= 0 && before <= file.ConditionalInClause.WindowBefore,
                    PhraseRole.NotAfter => cue.Phrase.Owner == hit.Phrase.Owner && before >= 0 && before <= group.NotAfterWindow,
                    PhraseRole.NotWith => cue.Phrase.Owner == hit.Phrase.Owner && layout.Clause[cue.First] == layout.Clause[hit.First],
                    _ => false,
                };
                if (cancelled) break;
            }
            if (cancelled)
            {
                cancelledKinds |= 1 << (int)kind;
                continue;
            }

            var start = tokens[hit.First].Start;
            var length = tokens[hit.Last].End - start;
            var evidence = new Evidence(original.Substring(start, length), start, length, field);
            findings.Add(new TermFinding(kind, group, evidence, hit.First, hit.Last, group.Reference));
        }
        return (findings, statusCue, cancelledKinds);
    }

    private static bool Excludes(ExclusionRule rule, FlagKind kind, int before, int after)
    {
        if (rule.Kinds.Count > 0 && !rule.Kinds.Contains(kind)) return false;
        if (rule.WindowBefore is null && rule.WindowAfter is null) return true;
        return (rule.WindowBefore is { } windowBefore && before >= 0 && before <= windowBefore)
            || (rule.WindowAfter is { } windowAfter && after >= 0 && after <= windowAfter);
    }

    private static bool Applies(CueSet cues, FlagKind kind) => cues.Kinds.Count == 0 || cues.Kinds.Contains(kind);

    private static bool OnlyBridges(List<Token> tokens, int from, int to, ScreeningLexicon lexicon)
    {
        for (var i = from; i < to; i++)
        {
            if (!lexicon.NegationBridges.Contains(tokens[i].Folded)) return false;
        }
        return true;
    }

    /// <summary>"ikke kun …" is not a negation of what follows.</summary>
    private static bool IsNegationLifted(PhraseHit cue, List<Token> tokens, ScreeningLexicon lexicon) =>
        cue.Last + 1 < tokens.Count && lexicon.NegationNotFollowedBy.Contains(tokens[cue.Last + 1].Folded);

    /// <summary>A heading line of a few words ("Aktindsigt") directly above quoted boilerplate belongs to it.</summary>
    private static bool IsBoilerplateHeading(PhraseHit hit, TextLayout layout, int[] lineTokens, bool[] boilerplateLines)
    {
        var line = layout.Line[hit.First];
        if (lineTokens[line] > 3) return false;
        for (var next = line + 1; next < layout.LineCount; next++)
        {
            if (lineTokens[next] > 0) return boilerplateLines[next];
        }
        return false;
    }
}
