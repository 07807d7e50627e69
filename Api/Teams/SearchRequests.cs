using System.ComponentModel.DataAnnotations;

namespace SmartPost.Api.Teams;

/// <summary>A term with its spelling variants, e.g. "aktindsigt" with "agtindsigt", "akt-indsigt".</summary>
public sealed class SearchTermRequest
{
    [Required(AllowEmptyStrings = false), StringLength(100)]
    public string Term { get; set; } = "";

    public List<string>? Variants { get; set; }
}

/// <summary>Body of POST/PUT /api/v1/teams/{team}/searches.</summary>
public sealed class SavedSearchRequest
{
    [Required(AllowEmptyStrings = false), StringLength(200)]
    public string Name { get; set; } = "";

    [Required, MinLength(1)]
    public List<SearchTermRequest> Terms { get; set; } = [];

    /// <summary>Optional flag filter: AccessToRecordsRequest | Complaint | DeadlineExtensionRequest | NeedsManualScreening.</summary>
    public string? Flag { get; set; }

    /// <summary>unhandled (default) | handled | all.</summary>
    public string? Status { get; set; }

    /// <summary>Caseworker responsible for the list, and the substitute during absence (the guideline).</summary>
    public string? Responsible { get; set; }
    public string? Substitute { get; set; }

    /// <summary>Swagger example: the guideline's shared list for aktindsigt, with common misspellings.</summary>
    public static SavedSearchRequest Example => new()
    {
        Name = "Aktindsigt – ubehandlede",
        Terms = [new SearchTermRequest { Term = "aktindsigt", Variants = ["agtindsigt", "akt-indsigt", "indsigt i min sag"] }],
        Flag = null,
        Status = "unhandled",
        Responsible = "anna@fstyr.dk",
        Substitute = "bo@fstyr.dk",
    };
}

public sealed record SavedSearchView(
    long Id, string Team, string Name, IReadOnlyList<SearchTermRequest> Terms, string? Flag, string Status,
    string? Responsible, string? Substitute, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>Swagger example: <see cref="SavedSearchRequest.Example"/> as stored.</summary>
    public static SavedSearchView Example => new(7, "team-helbred", "Aktindsigt – ubehandlede", SavedSearchRequest.Example.Terms, null,
        "unhandled", "anna@fstyr.dk", "bo@fstyr.dk", "anna@fstyr.dk", new DateTime(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc));
}

public sealed record SearchHit(SmartPost.Api.Replies.ReplyListItem Reply, IReadOnlyList<string> MatchedTerms);

public sealed record SearchResults(SavedSearchView Search, IReadOnlyList<SearchHit> Items, int Total)
{
    public static SearchResults Example => new(SavedSearchView.Example, [new SearchHit(SmartPost.Api.Replies.ReplyListItem.Example, ["aktindsigt"])], 1);
}
