namespace SmartPost.Api.Guidance;

/// <summary>
/// The kinds of letter the SmartPost guideline names (seeds/000, "Hvornår bruger man med/uden svarmulighed").
/// The codes are part of the API contract.
/// </summary>
public enum GuidanceCategory
{
    /// <summary>The letter asks for an answer, documents, a statement (partshøring), information or a choice.</summary>
    ExpectsReply,
    NoReplyRequired,
    CaseClosed,
    Decision,
    Approval,
    InformationMaterial,
    RevocationInquiry,
    ControlDrivingTestSummons,
    DeadlineExtension,
    AccessToRecordsDecision,
    DrivingRightWithdrawal,
    GdprNotice,
    Receipt,
}

/// <summary>Whether a category's letters must, may or must not carry a klagevejledning.</summary>
public enum ComplaintGuidanceRule { Optional, Required, Forbidden }
