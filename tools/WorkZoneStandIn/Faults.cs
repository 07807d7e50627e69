namespace WorkZoneStandIn;

/// <summary>
/// A fault to inject, set through POST /admin/faults. Kinds: "unavailable" (503), "throttle" (429 with Retry-After),
/// "unauthorized" (401), "slow" (answers after DelayMs), "delete-after-list" (the next Count records returned by a list
/// are deleted right after it, so their read fails with 404), "precondition" (PATCH answered 412, as after someone else's
/// edit). A fault lasts for Count requests or for Seconds.
/// </summary>
public sealed record FaultSpec(string Kind, int? Count = null, double? Seconds = null, int? RetryAfterSeconds = null, int? DelayMs = null);

public sealed class Faults(TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly List<ActiveFault> _active = new();

    private sealed class ActiveFault(FaultSpec spec, DateTimeOffset? until)
    {
        public FaultSpec Spec { get; } = spec;
        public DateTimeOffset? Until { get; } = until;
        public int Remaining { get; set; } = spec.Count ?? int.MaxValue;
    }

    public void Add(FaultSpec spec)
    {
        if (spec.Kind is not ("unavailable" or "throttle" or "unauthorized" or "slow" or "delete-after-list" or "precondition"))
        {
            throw new ArgumentException($"Unknown fault kind '{spec.Kind}'.");
        }
        if (spec.Count is null && spec.Seconds is null) throw new ArgumentException("A fault needs Count or Seconds.");
        lock (_gate)
        {
            _active.Add(new ActiveFault(spec, spec.Seconds is { } s ? clock.GetUtcNow().AddSeconds(s) : null));
        }
    }

    public void Clear()
    {
        lock (_gate) _active.Clear();
    }

    /// <summary>The fault of <paramref name="kind"/> that applies to this request, if any (uses one of its count).</summary>
    public FaultSpec? Take(string kind)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            _active.RemoveAll(f => f.Remaining <= 0 || f.Until < now);
            var fault = _active.FirstOrDefault(f => f.Spec.Kind == kind);
            if (fault is null) return null;
            fault.Remaining--;
            return fault.Spec;
        }
    }

    public bool Has(string kind)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            return _active.Any(f => f.Spec.Kind == kind && f.Remaining > 0 && !(f.Until < now));
        }
    }

    /// <summary>How many of <paramref name="wanted"/> listed records to delete now ("delete-after-list").</summary>
    public int TakeDeletions(int wanted)
    {
        lock (_gate)
        {
            var fault = _active.FirstOrDefault(f => f.Spec.Kind == "delete-after-list" && f.Remaining > 0);
            if (fault is null) return 0;
            var n = Math.Min(wanted, fault.Remaining);
            fault.Remaining -= n;
            return n;
        }
    }
}
