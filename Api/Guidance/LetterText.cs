using SmartPost.Api.Text;

namespace SmartPost.Api.Guidance;

/// <summary>
/// A title or letter body as the text core reads it (<see cref="AnalyzedDocument"/>: words with offsets, stems and
/// sentences), plus what the guidance needs on top: where a word's sentence starts and ends, and whether the sentence
/// is a question put to the recipient rather than a leaflet's own heading.
/// </summary>
internal sealed class LetterText
{
    private readonly AnalyzedDocument _document;
    private readonly bool[] _askingQuestion;

    public LetterText(AnalyzedDocument document)
    {
        _document = document;
        var sentences = document.SentenceSpans;
        _askingQuestion = new bool[sentences.Length];
        for (var s = 0; s < sentences.Length; s++)
        {
            _askingQuestion[s] = sentences[s].IsQuestion && !IsFaqHeading(s) && !IsAnsweredOnItsLine(s);
        }
    }

    public AnalyzedDocument Document => _document;

    public string Original => _document.Text;

    public int Count => _document.Tokens.Length;

    public int Start(int token) => _document.Tokens[token].Start;

    public int End(int token) => _document.Tokens[token].End;

    public int SentenceOf(int token) => _document.Tokens[token].Sentence;

    // The sentences as a span, not the document's list: an interface call per look-up, and the list boxed once per letter.
    public int SentenceCount => _document.SentenceSpans.Length;

    public int ClauseOf(int token) => _document.Tokens[token].Clause;

    /// <summary>
    /// The clause after the one <paramref name="token"/> stands in, when it is that clause's complement: same sentence and
    /// opened by "at" or "om" ("Du har bedt om, at fristen … forlænges"). Null otherwise.
    /// </summary>
    public int? ComplementClauseAfter(int token)
    {
        var clause = ClauseOf(token);
        var next = token + 1;
        while (next < Count && ClauseOf(next) == clause) next++;
        if (next >= Count || SentenceOf(next) != SentenceOf(token)) return null;
        if (IsCondition(next - 1)) return null;
        return WordIs(next, "at") || WordIs(next, "om") ? ClauseOf(next) : null;
    }

    /// <summary>
    /// A clause ending in a condition ("… på betingelse af", "… forudsat") leads to what the recipient must do, not to
    /// the complement of the dropped clause: "Vi forlænger fristen på betingelse af, at du sender os …" still asks.
    /// </summary>
    private bool IsCondition(int lastOfClause) =>
        WordIs(lastOfClause, "forudsat")
        || (lastOfClause > 0 && WordIs(lastOfClause, "af")
            && (WordIs(lastOfClause - 1, "betingelse") || WordIs(lastOfClause - 1, "forudsætning") || WordIs(lastOfClause - 1, "betinget")));

    /// <summary>The first and last word of sentence <paramref name="sentence"/>.</summary>
    public (int First, int Last) SentenceBounds(int sentence) =>
        (_document.SentenceSpans[sentence].FirstToken, _document.SentenceSpans[sentence].EndToken - 1);

    public int SentenceStart(int token) => SentenceBounds(SentenceOf(token)).First;

    public bool IsSentenceStart(int token) => SentenceStart(token) == token;

    public bool IsSentenceEnd(int token) => SentenceBounds(SentenceOf(token)).Last == token;

    /// <summary>The word stands in a question to the recipient (not a leaflet's FAQ heading or a question it answers itself).</summary>
    public bool InQuestion(int token) => _askingQuestion[SentenceOf(token)];

    /// <summary>
    /// A question alone on its line and directly followed (one line break) by more text is a FAQ heading of an
    /// information leaflet ("Har du fået et klip?" / "Du får et klip, hvis …"): the letter answers it itself.
    /// </summary>
    private bool IsFaqHeading(int sentence)
    {
        var (first, last) = SentenceBounds(sentence);
        if (!StartsLine(first) || last + 1 >= Count) return false;
        var gap = Original.AsSpan(End(last), Start(last + 1) - End(last));
        var newlines = 0;
        foreach (var c in gap)
        {
            if (c == '\n') newlines++;
            else if (newlines == 0 && !char.IsWhiteSpace(c) && c is not ('?' or '"' or '”' or ')')) return false;
        }
        return newlines == 1;
    }

    /// <summary>
    /// A question answered in the same line ("Har du fyldt 17 år? Så kan du …", "… ? Ja, …", "Hvorfor skal du til
    /// prøve? Det skyldes …", "Hvorfor får du dette brev? Fordi …", "Vil du have et nyt kørekort? Det skal du ikke", "Fra 1. juli ændres prøven. Skal jeres
    /// elever til prøve efter den dato? Så skal de …") is rhetorical, wherever in the line it starts.
    /// "Så" followed by "vi"/"os" is our own next step ("Kan du sende kopien? Så kan vi …"): still asking.
    /// A question heading on its own line is answered so in the paragraph under it too ("Kan du ikke møde?" / blank line /
    /// "Så skal du …"); a question in its own paragraph without such an answer still asks ("Kører du stadig lastbil?").
    /// </summary>
    private bool IsAnsweredOnItsLine(int sentence)
    {
        var (first, last) = SentenceBounds(sentence);
        var next = last + 1;
        if (next >= Count) return false;
        var newlines = Original.AsSpan(End(last), Start(next) - End(last)).Count('\n');
        if (newlines > 0 && !(StartsLine(first) && newlines <= 2)) return false;
        if (WordIs(next, "ja") || WordIs(next, "nej") || WordIs(next, "fordi")) return true;
        if (WordIs(next, "det")) return IsAnswerOpening(next);
        if (!WordIs(next, "så") && !WordIs(next, "saa")) return false;
        for (var k = next + 1; k <= next + 2 && k < Count; k++)
        {
            if (WordIs(k, "vi") || WordIs(k, "os")) return false;
        }
        return true;
    }

    /// <summary>
    /// "Det …" after a question answers it when it explains ("Det er …", "Det skyldes …", "Det betyder …", "Det afhænger
    /// af …") or answers
    /// the recipient yes or no ("Det skal du ikke", "Det kan du godt"). "Det skal vi bruge …" is our need and "Det er
    /// vigtigt, at …" presses the question: still asking.
    /// </summary>
    private bool IsAnswerOpening(int det)
    {
        var (_, last) = SentenceBounds(SentenceOf(det));
        for (var k = det + 1; k <= det + 6 && k <= last; k++)
        {
            if (WordIs(k, "vi") || WordIs(k, "os") || WordIs(k, "vigtigt") || WordIs(k, "nødvendigt")) return false;
        }
        if (det + 1 <= last && (WordIs(det + 1, "er") || WordIs(det + 1, "skyldes") || WordIs(det + 1, "betyder") || WordIs(det + 1, "afhænger"))) return true;
        for (var k = det + 2; k <= det + 3 && k <= last; k++)
        {
            if (WordIs(k, "du") && k + 1 <= last && (WordIs(k + 1, "ikke") || WordIs(k + 1, "godt"))) return true;
        }
        return false;
    }

    /// <summary>
    /// The sentence opens with a condition: "Hvis …", "Såfremt …", or a verb-first clause about the recipient that is no
    /// question ("Har du lektionsplaner, der …, skal de uploades …", "Ønsker du …, kan du …").
    /// </summary>
    public bool OpensWithCondition(int sentence)
    {
        var (first, last) = SentenceBounds(sentence);
        if (WordIs(first, "hvis") || WordIs(first, "såfremt") || WordIs(first, "skulle")) return true;
        if (last <= first || _document.SentenceSpans[sentence].IsQuestion) return false;
        return (WordIs(first + 1, "du") || WordIs(first + 1, "i"))
            && (WordIs(first, "har") || WordIs(first, "er") || WordIs(first, "ønsker") || WordIs(first, "vil") || WordIs(first, "får")
                || WordIs(first, "bliver") || WordIs(first, "kan"));
    }

    /// <summary>
    /// The sentence tells what happens if something happens first: it opens with a condition ("Hvis …", "Såfremt …",
    /// "Medmindre …", "Skulle …", "Uden erklæringen kan vi ikke …"), with a verb-first condition clause whatever its
    /// subject ("Bliver prøven ikke bestået i tide, inddrages førerretten": <see cref="VerbFirstCondition"/>), or it is the
    /// "Så …" answer to a conditional question. An act told so is a consequence of a future event, not one the letter
    /// performs now.
    /// </summary>
    public bool IsHypothetical(int sentence)
    {
        _hypothetical ??= new sbyte[SentenceCount];
        if (_hypothetical[sentence] == 0)
        {
            var (first, _) = SentenceBounds(sentence);
            var opens = WordIs(first, "hvis") || WordIs(first, "såfremt") || WordIs(first, "medmindre") || WordIs(first, "skulle") || WordIs(first, "uden")
                || VerbFirstCondition.StartOf(_document, _document.SentenceSpans[sentence]) is not null
                || AnswersAConditionalQuestion(sentence);
            _hypothetical[sentence] = opens ? (sbyte)1 : (sbyte)-1;
        }
        return _hypothetical[sentence] > 0;
    }

    private sbyte[]? _hypothetical;

    // "Hvad sker der, hvis jeg ikke består?\nSå bliver din førerret inddraget.": the answer to a leaflet's conditional
    // question is as conditional as the question.
    private bool AnswersAConditionalQuestion(int sentence)
    {
        if (sentence == 0 || !_document.SentenceSpans[sentence - 1].IsQuestion) return false;
        var (first, _) = SentenceBounds(sentence);
        return (WordIs(first, "så") || WordIs(first, "da")) && SentenceHasWord(sentence - 1, "hvis");
    }

    /// <summary>
    /// The sentence offers something under a condition: it opens with one (<see cref="IsHypothetical"/>) and its main
    /// clause is inverted on "kan" ("Har du flere dokumenter til sagen, kan du sende dem …", "Hvis du vil, kan I …"):
    /// what the recipient may do if the condition holds, not what we ask for now.
    /// </summary>
    public bool OffersUnderCondition(int sentence)
    {
        if (!IsHypothetical(sentence) && !OpensWithCondition(sentence)) return false;
        // The main clause follows a comma and opens inverted on "kan"; an aside between them ("Har du nye oplysninger, fx
        // en ny lægeerklæring, kan du …") is passed over.
        var (first, last) = SentenceBounds(sentence);
        for (var k = first + 2; k < last; k++)
        {
            if (Original.AsSpan(End(k - 1), Start(k) - End(k - 1)).IndexOf(',') < 0) continue;
            var at = WordIs(k, "så") ? k + 1 : k;
            if (at < last && WordIs(at, "kan") && (WordIs(at + 1, "du") || WordIs(at + 1, "i") || WordIs(at + 1, "de"))) return true;
        }
        return false;
    }

    /// <summary>
    /// The clause of <paramref name="token"/> is a clause of time ("før du har fået godkendelsen", "når vi har modtaget din
    /// ansøgning", "indtil vi har truffet afgørelse"): it tells when something else happens, not what the letter does.
    /// </summary>
    public bool InClauseOfTime(int token)
    {
        var clause = ClauseOf(token);
        var k = token;
        while (k > 0 && ClauseOf(k - 1) == clause) k--;
        return WordIs(k, "før") || WordIs(k, "førend") || WordIs(k, "indtil") || WordIs(k, "når");
    }

    /// <summary>
    /// The clause of <paramref name="token"/> opens with "før", "førend" or "indtil" and the recipient or us ("…, før du
    /// har sendt os …", "…, før vi har modtaget en ny helbredsattest"): what we wait for. Waiting for someone else
    /// ("…, før vi har modtaget svar fra lægen") is dropped by the rules' third-party clauses, not here.
    /// </summary>
    public bool InRecipientsUntilClause(int token)
    {
        var clause = ClauseOf(token);
        var k = token;
        while (k > 0 && ClauseOf(k - 1) == clause) k--;
        return (WordIs(k, "før") || WordIs(k, "førend") || WordIs(k, "indtil"))
            && k + 1 < Count && (WordIs(k + 1, "du") || WordIs(k + 1, "i") || WordIs(k + 1, "vi"));
    }

    /// <summary>Word <paramref name="token"/> is one of these word forms.</summary>
    public bool WordIsAny(int token, string a, string b, string c) => WordIs(token, a) || WordIs(token, b) || WordIs(token, c);

    /// <summary>Whether sentence <paramref name="sentence"/> has this word form (a short function word such as "skal").</summary>
    public bool SentenceHasWord(int sentence, string word)
    {
        var (first, last) = SentenceBounds(sentence);
        for (var k = first; k <= last; k++)
        {
            if (WordIs(k, word)) return true;
        }
        return false;
    }

    private bool StartsLine(int token)
    {
        var before = token == 0 ? 0 : End(token - 1);
        var gap = Original.AsSpan(before, Start(token) - before);
        return token == 0 ? gap.IsWhiteSpace() : gap.Contains('\n');
    }

    public bool WordIs(int token, string word) =>
        Original.AsSpan(Start(token), End(token) - Start(token)).Equals(word, StringComparison.OrdinalIgnoreCase);
}
