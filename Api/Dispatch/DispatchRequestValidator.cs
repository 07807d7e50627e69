using System.Globalization;
using System.Text.RegularExpressions;
using SmartPost.Api.Guidance;
using SmartPost.Api.Memo;
using SmartPost.Api.Recipients;
using SmartPost.Api.Text;

namespace SmartPost.Api.Dispatch;

/// <summary>A dispatch request that passed validation, with normalised values.</summary>
public sealed record ValidDispatch(
    string DocumentId, string CaseNumber, string DocumentTitle,
    RecipientIdType RecipientIdType, string RecipientId, string RecipientName,
    ReplyOption SuggestedOption, ReplyOption ChosenOption, string? OverrideReason, DateOnly? ReplyBy,
    string LetterFileName, string LetterContentType, byte[] LetterContent, string? Category, string? Team,
    string? ResendReason = null)
{
    /// <summary>A deliberate re-send of a letter version already dispatched.</summary>
    public bool IsResend => ResendReason is not null;
}

/// <summary>Checks a dispatch request; every error is keyed by the field's JSON path.</summary>
public static partial class DispatchRequestValidator
{
    /// <param name="today">Today's date in Denmark (reply deadlines are Danish dates).</param>
    /// <param name="callerTeams">The caller's teams; an explicit team must be one of them.</param>
    public static (ValidDispatch? Dispatch, Dictionary<string, string[]> Errors) Validate(
        DispatchRequest request, DateOnly today, IReadOnlyList<string> callerTeams)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];
        string Text(string? value, string field, int max)
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0) Error(field, "Feltet skal udfyldes.");
            else if (text.Length > max) Error(field, $"Højst {max} tegn.");
            return text;
        }

        var documentId = Text(request.DocumentId, "documentId", 200);
        // MeMo text elements (label, caseID, filename, recipient label) are at most 256 characters.
        var caseNumber = Text(request.CaseNumber, "caseNumber", MemoFormat.MaxTextLength);
        var title = Text(request.DocumentTitle, "documentTitle", MemoFormat.MaxTextLength);

        var recipient = request.Recipient;
        if (recipient is null) Error("recipient", "Modtager skal udfyldes.");
        if (recipient is { IdType: null }) Error("recipient.idType", "Skal være CPR eller CVR.");
        var recipientId = recipient is null ? "" : Text(recipient.Id, "recipient.id", 20);
        if (recipient?.IdType is { } idType && recipientId.Length > 0 && !RecipientId.IsValid(idType, recipientId))
        {
            Error("recipient.id", idType == RecipientIdType.CPR
                ? "Ugyldigt CPR-nummer (10 cifre, DDMMÅÅ-SSSS)."
                : "Ugyldigt CVR-nummer (8 cifre).");
        }
        var recipientName = recipient is null ? "" : Text(recipient.Name, "recipient.name", MemoFormat.MaxTextLength);

        if (request.SuggestedOption is null) Error("suggestedOption", "Feltet skal udfyldes.");
        if (request.ChosenOption is null) Error("chosenOption", "Feltet skal udfyldes.");
        var overrideReason = request.OverrideReason?.Trim() is { Length: > 0 } reason ? reason : null;
        if (request.SuggestedOption is { } suggested && request.ChosenOption is { } chosen && suggested != chosen && overrideReason is null)
        {
            Error("overrideReason", $"Skriv en begrundelse, når du vælger {ReplyOptionNames.Danish(chosen)} i stedet for forslaget {ReplyOptionNames.Danish(suggested)}.");
        }
        if (overrideReason is { Length: > 1000 }) Error("overrideReason", "Højst 1000 tegn.");

        var replyBy = ReplyBy(request, today, Error);
        var (fileName, contentType, content) = Letter(request.Letter, Error, Text);

        var category = request.Category?.Trim() is { Length: > 0 } c ? c : null;
        if (category is not null && !CategoryPattern().IsMatch(category)) Error("category", "Ugyldig kategorikode.");
        // Stored as the caller's own spelling of the team: reads of the dispatch check membership ordinally.
        var requested = request.Team?.Trim() is { Length: > 0 } t ? t : null;
        var team = requested is null
            ? callerTeams.FirstOrDefault()
            : callerTeams.FirstOrDefault(c => string.Equals(c, requested, StringComparison.OrdinalIgnoreCase));
        if (requested is not null && team is null)
        {
            Error("team", "Du er ikke medlem af teamet.");
        }

        var resendReason = request.ResendReason?.Trim() is { Length: > 0 } why ? why : null;
        if (request.Resend == true && resendReason is null)
            Error("resendReason", "Skriv hvorfor brevet skal sendes igen.");
        if (request.Resend != true && resendReason is not null)
            Error("resend", "En begrundelse for at sende igen kræver \"resend\": true.");
        if (resendReason is { Length: > 1000 }) Error("resendReason", "Højst 1000 tegn.");

        if (errors.Count > 0) return (null, errors);
        return (new ValidDispatch(documentId, caseNumber, title,
            recipient!.IdType!.Value, RecipientId.Normalize(recipient.IdType.Value, recipientId), recipientName,
            request.SuggestedOption!.Value, request.ChosenOption!.Value, overrideReason, replyBy,
            fileName, contentType, content, category, team, resendReason), errors);
    }

    private static DateOnly? ReplyBy(DispatchRequest request, DateOnly today, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(request.ReplyBy)) return null;
        if (!DateOnly.TryParseExact(request.ReplyBy.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error("replyBy", "Dato skal være ÅÅÅÅ-MM-DD.");
            return null;
        }
        // A deadline only means something with a "Besvar" button (MeMo replyByDateTime goes with reply=true).
        if (request.ChosenOption is { } chosen && chosen != ReplyOption.WithReply)
        {
            error("replyBy", $"Svarfrist kan kun angives ved {ReplyOptionNames.Danish(ReplyOption.WithReply)} (valgt: {ReplyOptionNames.Danish(chosen)}).");
        }
        if (date < today) error("replyBy", $"Svarfristen {DanishTime.Date(date)} er overskredet.");
        return date;
    }

    private static (string FileName, string ContentType, byte[] Content) Letter(
        DispatchLetter? letter, Action<string, string> error, Func<string?, string, int, string> text)
    {
        if (letter is null)
        {
            error("letter", "Brevet skal med.");
            return ("", "", []);
        }
        var fileName = text(letter.FileName, "letter.fileName", MemoFormat.MaxTextLength);
        var contentType = text(letter.ContentType, "letter.contentType", 100);
        if (contentType.Length > 0 && !MediaTypePattern().IsMatch(contentType))
        {
            error("letter.contentType", "Skal være en MIME-type, fx application/pdf / must be a MIME type.");
        }
        var base64 = text(letter.ContentBase64, "letter.contentBase64", int.MaxValue);
        byte[] content = [];
        if (base64.Length > 0)
        {
            var buffer = new byte[base64.Length * 3 / 4 + 3];
            if (!Convert.TryFromBase64String(base64, buffer, out var written) || written == 0)
            {
                error("letter.contentBase64", "Ikke gyldig base64.");
            }
            else
            {
                content = buffer[..written];
            }
        }
        return (fileName, contentType.ToLowerInvariant(), content);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,49}$")]
    private static partial Regex CategoryPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,62}/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,62}$")]
    private static partial Regex MediaTypePattern();
}
