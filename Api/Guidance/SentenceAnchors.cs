namespace SmartPost.Api.Guidance;

/// <summary>
/// Where in its sentence a rule's lemma must stand. The lemma itself is written in the text core's syntax
/// (Api/Text/README.md); the guidance adds three marks around it, because a letter's layout carries meaning:
/// <c>^</c> the lemma starts a sentence or line ("^påtænkt" in a title), <c>$</c> it ends one ("^afgørelse$" is a
/// heading), and a trailing <c>?</c> the sentence is a question put to the recipient.
/// </summary>
internal readonly record struct SentenceAnchors(bool AtStart, bool AtEnd, bool InQuestion)
{
    /// <summary>Splits "^lemma$?" into the core lemma and its anchors.</summary>
    public static (string Lemma, SentenceAnchors Anchors) Split(string cue)
    {
        var s = cue.Trim();
        var question = s.EndsWith('?');
        if (question) s = s[..^1].TrimEnd();
        var atEnd = s.EndsWith('$');
        if (atEnd) s = s[..^1].TrimEnd();
        var atStart = s.StartsWith('^');
        if (atStart) s = s[1..].TrimStart();
        return (s, new SentenceAnchors(atStart, atEnd, question));
    }

    public bool Hold(LetterText text, int first, int last) =>
        (!AtStart || text.IsSentenceStart(first)) && (!AtEnd || text.IsSentenceEnd(last)) && (!InQuestion || text.InQuestion(first));
}
