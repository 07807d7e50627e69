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

    /// <summary>
    /// What <see cref="Locate"/> asks of a word, from its written form alone: so the text core works it out once per
    /// distinct word (<see cref="WordMemo"/>) and a sentence's test reads bits instead of folding words and looking them
    /// up in six word sets (≈ 3 µs of every two-page letter's suggestion).
    /// </summary>
    public static WordShape ShapeOf(ReadOnlySpan<char> written)
    {
        Span<char> buffer = stackalloc char[FoldedLength];
        var word = Fold(written, buffer);
        var shape = WordShape.None;
        if (GreetingWords.Contains(word)) shape |= WordShape.Greeting;
        if (word is "og" or "men") shape |= WordShape.AndOrBut;
        if (word is "saa" or "da") shape |= WordShape.SoOrThen;
        if (LooksFinite(word)) shape |= WordShape.LooksFinite;
        if (RequestModalWords.Contains(word)) shape |= WordShape.RequestModal;
        if (SubjectPronounWords.Contains(word) || DeterminerWords.Contains(word) || word.Length >= 5 && (word.EndsWith("en") || word.EndsWith("et")))
            shape |= WordShape.Subject;
        return shape;
    }

    /// <summary>The condition clause's first word and the first word after its comma.</summary>
    private static (int First, int Main)? Locate(AnalyzedDocument document, TextSpan sentence)
    {
        var tokens = document.Tokens;
        var end = sentence.EndToken;
        var i = sentence.FirstToken;
        if (i >= end || tokens[i].Quoted) return null;
        if (Is(tokens[i], WordShape.Greeting))
        {
            // "Hej Peter, tager I kortet …": the condition opens after the greeting's comma.
            var afterGreeting = CommaWithin(document, i + 1, Math.Min(end, i + 5));
            if (afterGreeting is not { } next) return null;
            i = next;
        }
        if (Is(tokens[i], WordShape.AndOrBut)) i++;
        if (i + 1 >= end || !OpensInvertedClause(document, i, end)) return null;
        if (Is(tokens[i], WordShape.RequestModal)) return null;
        var comma = CommaWithin(document, i + 2, Math.Min(end, i + 25));
        if (comma is not { } afterComma) return null;
        var main = afterComma;
        if (Is(tokens[main], WordShape.SoOrThen)) main++;
        return main + 1 < end && OpensInvertedClause(document, main, end) ? (i, afterComma) : null;
    }

    private static bool Is(in TextToken token, WordShape shape) => (token.Shape & shape) != 0;

    /// <summary>Word <paramref name="at"/> looks finite, is no function word, and its subject follows it within the clause.</summary>
    private static bool OpensInvertedClause(AnalyzedDocument document, int at, int end)
    {
        if (at + 1 >= end || HasPunctuation(document, at + 1)) return false;
        var tokens = document.Tokens;
        return Is(tokens[at], WordShape.LooksFinite) && Is(tokens[at + 1], WordShape.Subject);
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
    /// A word lower-cased, folded (<see cref="DanishText.Fold"/>) and without hyphens, written into
    /// <paramref name="buffer"/> when it is plain ASCII and Danish letters (nearly every word): the string steps it
    /// replaces (<see cref="FoldedAsString"/>) made four strings per word.
    /// </summary>
    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> written, Span<char> buffer)
    {
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

    /// <summary>The definition of a word's folded form, for what <see cref="Fold"/> does not fold in place (accents, long words).</summary>
    private static string FoldedAsString(ReadOnlySpan<char> written) =>
        DanishText.Fold(written.ToString().ToLowerInvariant()).Replace("-", "");
}

/// <summary>What the verb-first condition test (<see cref="VerbFirstCondition"/>) asks of a word as written.</summary>
[Flags]
public enum WordShape : byte
{
    None = 0,
    /// <summary>"hej", "kære", "dear": a greeting before the condition's comma.</summary>
    Greeting = 1,
    /// <summary>"og" or "men" before the condition clause.</summary>
    AndOrBut = 2,
    /// <summary>"så" or "da" before the main clause's verb.</summary>
    SoOrThen = 4,
    /// <summary>A finite-looking verb: a modal or auxiliary, or a present, passive or weak past ending; no function word.</summary>
    LooksFinite = 8,
    /// <summary>A modal of ability, permission or will ("kan", "vil", "må"): opens requests, not conditions.</summary>
    RequestModal = 16,
    /// <summary>A subject: a pronoun, a determiner or a definite-looking noun ("afgørelsen").</summary>
    Subject = 32,
}
