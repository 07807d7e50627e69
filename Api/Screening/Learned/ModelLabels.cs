namespace SmartPost.Api.Screening.Learned;

/// <summary>
/// The corpus labels the model learns (LABELS.md) and the flag kinds they stand for. The model and its trainer speak
/// labels; only <see cref="KindOf"/> turns them into <see cref="FlagKind"/>, 
/// </summary>
public static class ModelLabels
{
    public const string AccessToRecords = "aktindsigt";
    public const string Complaint = "klage";
    public const string DeadlineExtension = "fristforlaengelse";
    public const string SelfServiceExemption = "selvbetjening";

    public static IReadOnlyList<string> All { get; } = [AccessToRecords, Complaint, DeadlineExtension, SelfServiceExemption];

    public static FlagKind? KindOf(string label) => label switch
    {
        AccessToRecords => FlagKind.AccessToRecordsRequest,
        Complaint => FlagKind.Complaint,
        DeadlineExtension => FlagKind.DeadlineExtensionRequest,
        SelfServiceExemption => FlagKind.SelfServiceExemptionRequest,
        _ => null,
    };

    /// <summary>A label, or a kind's name as the product writes it ("AccessToRecordsRequest"), as a label; null if neither.</summary>
    public static string? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        foreach (var label in All)
        {
            if (string.Equals(label, trimmed, StringComparison.OrdinalIgnoreCase)) return label;
            if (KindOf(label) is { } kind && string.Equals(kind.ToString(), trimmed, StringComparison.OrdinalIgnoreCase)) return label;
        }
        return null;
    }
}
