using SmartPost.Api.Guidance;

namespace SmartPost.Api.Dispatch;

/// <summary>The reply options as caseworkers say them, for sentences shown to them.</summary>
public static class ReplyOptionNames
{
    public static string Danish(ReplyOption option) => option switch
    {
        ReplyOption.WithReply => "med svarmulighed",
        ReplyOption.WithoutReply => "uden svarmulighed",
        ReplyOption.PhysicalMail => "fysisk post",
        _ => option.ToString(),
    };
}
