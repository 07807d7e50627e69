using System.Globalization;

namespace SmartPost.Api.Recipients;

/// <summary>How Digital Post identifies a recipient: a citizen by CPR number, a company by CVR number.</summary>
public enum RecipientIdType { CPR, CVR }

/// <summary>Validation and normalisation of CPR/CVR numbers, shared by every feature that accepts one.</summary>
public static class RecipientId
{
    /// <summary>
    /// CPR: 10 digits (DDMMYY-SSSS, dash optional) whose first six digits are a real date; the 7th digit and
    /// the two-digit year give the century. The modulus-11 check is not applied: it was abandoned in 2007.
    /// </summary>
    public static bool IsValidCpr(string? value) => TryNormalizeCpr(value, out _);

    /// <summary>
    /// CVR: 8 digits, no leading zero. The historic modulus-11 check is deliberately not applied: the foundation
    /// issue defines a valid CVR as 8 digits, and test registers use numbers that fail it.
    /// </summary>
    public static bool IsValidCvr(string? value)
    {
        var digits = value?.Trim();
        return digits is { Length: 8 } && digits.All(char.IsAsciiDigit) && digits[0] != '0';
    }

    public static bool IsValid(RecipientIdType type, string? value) =>
        type == RecipientIdType.CPR ? IsValidCpr(value) : IsValidCvr(value);

    /// <summary>The canonical form used for storage and look-ups: CPR as 10 digits without dash, CVR as 8 digits.</summary>
    public static string Normalize(RecipientIdType type, string value) => type switch
    {
        RecipientIdType.CPR when TryNormalizeCpr(value, out var cpr) => cpr,
        RecipientIdType.CVR when IsValidCvr(value) => value.Trim(),
        _ => throw new ArgumentException($"Invalid {type} number.", nameof(value)),
    };

    /// <summary>CPR for logs and list views: birth date kept, serial masked (e.g. "150466-****").</summary>
    public static string MaskCpr(string cpr)
    {
        var digits = new string(cpr.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 10 ? $"{digits[..6]}-****" : "**********";
    }

    private static bool TryNormalizeCpr(string? value, out string normalized)
    {
        normalized = "";
        var text = value?.Trim() ?? "";
        if (text.Length == 11 && text[6] == '-') text = text.Remove(6, 1);
        if (text.Length != 10 || !text.All(char.IsAsciiDigit)) return false;

        var day = int.Parse(text[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(text[2..4], CultureInfo.InvariantCulture);
        var year = int.Parse(text[4..6], CultureInfo.InvariantCulture);
        var fullYear = CenturyOf(text[6] - '0', year) + year;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(fullYear, month)) return false;

        normalized = text;
        return true;
    }

    /// <summary>The CPR office's century table (7th digit + year).</summary>
    private static int CenturyOf(int seventh, int year) => seventh switch
    {
        <= 3 => 1900,
        4 or 9 => year <= 36 ? 2000 : 1900,
        _ => year <= 57 ? 2000 : 1800,
    };
}
