using SmartPost.Api.Recipients;

namespace SmartPost.Api.Dispatch;

/// <summary>The sending authority as it appears in MeMo Sender.</summary>
public sealed class DispatchSenderOptions
{
    /// <summary>The agency's CVR number (MeMo senderID). The default is a placeholder: configure Dispatch:Sender:Id.</summary>
    public string Id { get; set; } = "12345678";

    public string Label { get; set; } = "Færdselsstyrelsen";
}

public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    public DispatchSenderOptions Sender { get; set; } = new();

    /// <summary>MeMo CaseID caseSystem: the system the case number belongs to.</summary>
    public string CaseSystem { get; set; } = "WorkZone";

    /// <summary>MeMo mandatory / legalNotification flags for every message (set per SmartPost material in WorkZone).</summary>
    public bool Mandatory { get; set; }

    public bool LegalNotification { get; set; }

    /// <summary>Reply deadlines are Danish dates; replyByDateTime is the end of that day here, in UTC.</summary>
    public string TimeZone { get; set; } = "Europe/Copenhagen";
}

public static class DispatchSetup
{
    public static IServiceCollection AddDispatch(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DispatchOptions>()
            .Bind(config.GetSection(DispatchOptions.Section))
            .Validate(o => RecipientId.IsValidCvr(o.Sender.Id), "Dispatch:Sender:Id must be the agency's CVR number (8 digits).")
            .Validate(o => o.Sender.Label.Trim().Length is > 0 and <= 256, "Dispatch:Sender:Label must be the agency's name (1-256 characters).")
            .Validate(o => o.CaseSystem.Trim().Length is > 0 and <= 256, "Dispatch:CaseSystem must be set (1-256 characters), e.g. WorkZone.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Dispatch:TimeZone is not a known time zone id.")
            .ValidateOnStart();
        services.AddScoped<DispatchService>();
        services.AddScoped<IDispatchLookup, DispatchLookup>();
        return services;
    }
}
