using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>
/// Where the anchors of co-occurrence groups stand. A paraphrased complaint ("det er for dumt, lav det om") is only
/// a complaint about us when it stands near what we decided or did ("prøven", "afgørelsen", "mit kørekort"); a
/// paraphrased access request ("have det tilsendt") near what is in the case ("hvad lægen har skrevet").
/// </summary>
internal sealed class NearAnchors
{
    private readonly HashSet<(int Group, int Sentence)> _anchors = [];
    private readonly IReadOnlySet<int> _wholeReply;

    public NearAnchors(IEnumerable<PhraseHit> hits, int[] sentenceOfToken, IReadOnlySet<int> anchoredForWholeReply)
    {
        foreach (var hit in hits)
        {
            if (hit.Phrase.Role == PhraseRole.Near) _anchors.Add((hit.Phrase.Owner, sentenceOfToken[hit.First]));
        }
        _wholeReply = anchoredForWholeReply;
    }

    /// <summary>True when the group needs no anchor or has one within its sentence window.</summary>
    public bool Anchors(TermGroup group, int groupIndex, int sentence)
    {
        if (group.Near.Count == 0 || _wholeReply.Contains(groupIndex)) return true;
        for (var s = sentence - group.NearSentences; s <= sentence + group.NearSentences; s++)
        {
            if (_anchors.Contains((groupIndex, s))) return true;
        }
        return false;
    }

    /// <summary>
    /// Groups anchored by the subject, usually the echoed title of our letter: "Sv: Afgørelse om inddragelse" says
    /// the reply answers a decision, so "lav det om" in it is about that decision.
    /// </summary>
    public static IReadOnlySet<int> InSubject(ScreeningLexicon lexicon, string subject)
    {
        var tokens = DanishText.Tokenize(subject);
        var hits = new List<PhraseHit>();
        lexicon.Index.FindAll(tokens, new int[tokens.Count], hits);
        var groups = new HashSet<int>();
        foreach (var hit in hits)
        {
            if (hit.Phrase.Role == PhraseRole.Near && lexicon.File.Terms[hit.Phrase.Owner].NearInSubject) groups.Add(hit.Phrase.Owner);
        }
        return groups;
    }

    public static readonly IReadOnlySet<int> None = new HashSet<int>();
}
