using Microsoft.Extensions.Options;

namespace SmartPost.Api.Replies;

/// <summary>
/// How many ingested replies are screened at the same time. Screening is CPU work (the learned model's n-gram features
/// are about half of an ingest's CPU time): more screenings at once than cores finish none sooner, they only fill the
/// thread pool's queue ahead of the caseworkers' own requests (suggest, inbox), and each one beyond the model's pool of
/// prediction engines builds a new engine first. Waiting for a slot holds no thread.
/// </summary>
public sealed class ScreeningSlots(IOptions<RepliesOptions> options)
{
    private readonly SemaphoreSlim _slots = new(Count(options.Value), Count(options.Value));

    public Task WaitAsync(CancellationToken ct) => _slots.WaitAsync(ct);

    public void Release() => _slots.Release();

    private static int Count(RepliesOptions o) => o.ScreeningConcurrency > 0 ? o.ScreeningConcurrency : Environment.ProcessorCount;
}
