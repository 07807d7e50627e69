namespace SmartPost.Api.Text;

/// <summary>
/// Danish marks a condition by word order as often as by "hvis": a clause that opens the sentence with its finite verb
/// and ends at a comma, followed by a main clause with verb–subject inversion ("Tager I kortet fra mig, klager jeg",
/// "Får jeg ikke medhold, går jeg videre", "Skulle I give afslag, vil jeg klage") means the same as "Hvis I tager
/// kortet fra mig, klager jeg". Listing the verbs that may open such a clause does not carry over to a new writer, so
/// this is a structural test on closed word classes and verb endings only:
/// <list type="bullet">
/// <item>the clause's first word looks finite: a present tense in -r ("tager", "får"), a passive in -es ("stadfæstes"),
/// a weak past in -ede/-te, or a modal or auxiliary ("skulle", "vil", "var", "fik"); and it is no function word that
/// happens to end so ("derfor", "hvor", "efter", "hvis");</item>
/// <item>a subject follows it directly (a pronoun, a determiner, or a definite noun such as "afgørelsen");</item>
/// <item>the clause ends at a comma in the same sentence, and the next clause again opens with a finite-looking word
/// (after an optional "så"/"da") followed by its subject: the V2 inversion a fronted subordinate clause forces.</item>
/// </list>
/// Not a condition: a question (the sentence ends with "?": "Kan I sende mig akterne?"), an imperative ("Send mig
/// akterne, så kan jeg svare": no subject after the verb), a request opened by a modal of ability, permission or will
/// ("Kan I give mig en uge mere, vil jeg være glad": like "hvis I kan", which the screening rules treat as politeness,
/// not a condition), a clause opened by a subordinator ("Før jeg svarer, beder jeg om …") and an ordinary sentence
/// that opens with its subject or an adverb.
/// </summary>
public static class VerbFirstCondition
{
    // Function words that end like a finite verb (-r, -es, -te) but never are one; the subordinators among them ("før
    // jeg kommer med …, beder jeg om …", "når I nu er i gang, så vil jeg …") open clauses that are no condition either.
    private static readonly HashSet<string> NotVerbs = new(StringComparer.Ordinal)
    {
        "foer", "naar", "hvornaar", "eftersom", "der", "her", "hvor", "derfor", "hvorfor", "herfor", "for", "eller", "ellers", "efter", "bagefter", "under", "over",
        "hver", "vedr", "naer", "hvis", "vores", "jeres", "deres", "hans", "hendes", "dens", "dets", "os", "des", "mens",
        "tvaers", "naeste", "sidste", "foerste",
    };

    // Modals and the finite forms of "være", "blive", "have", "få" that no ending test catches.
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "skal", "skulle", "vil", "ville", "kan", "kunne", "maa", "maatte", "boer", "burde", "toer", "turde",
        "var", "blev", "havde", "fik",
    };

    // Modals of ability, permission and will open requests far more often than conditions: "Kan I give mig en uge
    // mere, vil jeg være glad" is asked like "hvis I kan", which the rules read as politeness, and "kan jeg beholde
    // kortet en uge mere …, så afleverer jeg det" is a question without its "?".
    private static readonly HashSet<string> RequestModals = new(StringComparer.Ordinal)
    {
        "kan", "kunne", "maa", "maatte", "vil", "ville", "gider",
    };

    private static readonly HashSet<string> SubjectPronouns = new(StringComparer.Ordinal)
    {
        "jeg", "du", "i", "vi", "de", "han", "hun", "man", "den", "det", "der", "dette", "denne", "disse",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "min", "mit", "mine", "din", "dit", "dine", "jeres", "vores", "hans", "hendes", "deres", "en", "et",
    };

    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal)
    {
        "hej", "kaere", "goddag", "dav", "hejsa", "hello", "hi", "dear",
    };

    /// <summary>The first word of each verb-first condition clause in the writer's own words, in text order.</summary>
    public static void Find(AnalyzedDocument document, List<int> starts) => Find(document, starts, null);

    /// <summary>
    /// The same, and in <paramref name="mains"/> (when given) the first word of the main clause after each condition's
    /// comma ("Får du et nyt job, <b>skal</b> du give os besked"), where a lemma that the clause opens goes on.
    /// </summary>
    public static void Find(AnalyzedDocument document, List<int> starts, List<int>? mains)
    {
        starts.Clear();
        mains?.Clear();
        foreach (var sentence in document.SentenceSpans)
        {
            if (sentence.IsQuestion || Locate(document, sentence) is not var (first, main)) continue;
            starts.Add(first);
            mains?.Add(main);
        }
    }

    /// <summary>The first word of a verb-first condition clause that opens <paramref name="sentence"/>, if there is one.</summary>
    public static int? StartOf(AnalyzedDocument document, TextSpan sentence) => Locate(document, sentence)?.First;

    /// <summary>The condition clause's first word and the first word after its comma.</summary>
    private static (int First, int Main)? Locate(AnalyzedDocument document, TextSpan sentence)
    {
        var tokens = document.Tokens;
        var end = sentence.EndToken;
        var i = sentence.FirstToken;
        if (i >= end || tokens[i].Quoted) return null;
        Span<char> buffer = stackalloc char[FoldedLength];
        if (GreetingWords.Contains(Word(document, i, buffer)))
        {
            // "Hej Peter, tager I kortet …": the condition opens after the greeting's comma.
            var afterGreeting = CommaWithin(document, i + 1, Math.Min(end, i + 5));
            if (afterGreeting is not { } next) return null;
            i = next;
        }
        if (Word(document, i, buffer) is "og" or "men") i++;
        if (i + 1 >= end || !OpensInvertedClause(document, i, end)) return null;
        if (RequestModalWords.Contains(Word(document, i, buffer))) return null;
        var comma = CommaWithin(document, i + 2, Math.Min(end, i + 25));
        if (comma is not { } afterComma) return null;
        var main = afterComma;
        if (Word(document, main, buffer) is "saa" or "da") main++;
        return main + 1 < end && OpensInvertedClause(document, main, end) ? (i, afterComma) : null;
    }

    /// <summary>Word <paramref name="at"/> looks finite, is no function word, and its subject follows it within the clause.</summary>
    private static bool OpensInvertedClause(AnalyzedDocument document, int at, int end)
    {
        if (at + 1 >= end || HasPunctuation(document, at + 1)) return false;
        Span<char> buffer = stackalloc char[FoldedLength];
        if (!LooksFinite(Word(document, at, buffer))) return false;
        var subject = Word(document, at + 1, buffer);
        return SubjectPronounWords.Contains(subject) || DeterminerWords.Contains(subject)
            || subject.Length >= 5 && (subject.EndsWith("en") || subject.EndsWith("et"));
    }

    private static bool LooksFinite(ReadOnlySpan<char> word)
    {
        if (NotVerbWords.Contains(word)) return false;
        foreach (var c in word)
        {
            if (char.IsDigit(c)) return false;
        }
        return AuxiliaryWords.Contains(word)
            || word.Length >= 3 && word[^1] == 'r'
            || word.Length >= 5 && (word.EndsWith("es") || word.EndsWith("ede") || word.EndsWith("te"));
    }

    /// <summary>The first word from <paramref name="from"/> on that follows a comma, if no other punctuation comes first.</summary>
    private static int? CommaWithin(AnalyzedDocument document, int from, int until)
    {
        for (var k = from; k < until; k++)
        {
            var gap = Gap(document, k);
            if (gap.Contains(',')) return gap.IndexOfAny(";:()[]\"«»–—") < 0 ? k : null;
            if (HasPunctuation(document, k)) return null;
        }
        return null;
    }

    /// <summary>Anything but spaces between word <paramref name="k"/> and the word before it: a clause boundary.</summary>
    private static bool HasPunctuation(AnalyzedDocument document, int k)
    {
        foreach (var c in Gap(document, k))
        {
            if (!char.IsWhiteSpace(c)) return true;
        }
        return false;
    }

    private static ReadOnlySpan<char> Gap(AnalyzedDocument document, int k)
    {
        var tokens = document.Tokens;
        return document.Text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End);
    }

    // The word sets read with a folded span: a letter asks for a few words of each of its ~50 sentences on every suggestion.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotVerbWords = NotVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AuxiliaryWords = Auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RequestModalWords = RequestModals.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectPronounWords = SubjectPronouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminerWords = Determiners.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GreetingWords = Greetings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Room for a word folded in place; a longer one (a folded letter may take two characters) is folded as a string.</summary>
    private const int FoldedLength = 64;

    /// <summary>
    /// Word <paramref name="k"/> lower-cased, folded (<see cref="DanishText.Fold"/>) and without hyphens, written into
    /// <paramref name="buffer"/> when it is plain ASCII and Danish letters (every word of a letter, nearly): the string
    /// steps it replaces (<see cref="FoldedAsString"/>) made four strings per word asked for.
    /// </summary>
    private static ReadOnlySpan<char> Word(AnalyzedDocument document, int k, Span<char> buffer)
    {
        var token = document.Tokens[k];
        var written = document.Text.AsSpan(token.Start, token.Length);
        if (2 * written.Length > buffer.Length) return FoldedAsString(written);
        var n = 0;
        foreach (var c in written)
        {
            if (c == '-') continue;
            if (c < 128)
            {
                buffer[n++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                continue;
            }
            var pair = DanishText.TwoLetterFold(c);
            if (pair is null) return FoldedAsString(written);
            buffer[n++] = pair[0];
            buffer[n++] = pair[1];
        }
        return buffer[..n];
    }

    /// <summary>The definition of a word's folded form, for what <see cref="Word"/> does not fold in place (accents, long words).</summary>
    private static string FoldedAsString(ReadOnlySpan<char> written) =>
        DanishText.Fold(written.ToString().ToLowerInvariant()).Replace("-", "");
}
