using System.Buffers;
using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>
/// A text's concept hits grouped by concept, each group in text order, on two arrays from the shared pool: one copy of the
/// hits sorted by concept (counting sort, so stable) and where each concept's group starts. A long reply has tens of
/// thousands of hits; a list per concept cost as much memory again as the hits themselves. Dispose gives the arrays back;
/// afterwards every group is empty.
/// </summary>
internal sealed class ConceptHitIndex : IDisposable
{
    private ConceptHit[] _hits;
    private int[] _starts;
    private int _concepts;

    /// <param name="hits">Hits in text order (<see cref="ConceptSet.Find(AnalyzedDocument)"/>).</param>
    /// <param name="concepts">How many concepts there are (ids 0 … concepts − 1).</param>
    public ConceptHitIndex(List<ConceptHit> hits, int concepts)
    {
        _concepts = concepts;
        _starts = ArrayPool<int>.Shared.Rent(concepts + 1);
        var starts = _starts.AsSpan(0, concepts + 1);
        starts.Clear();
        foreach (var hit in hits) starts[hit.Concept + 1]++;
        for (var c = 1; c <= concepts; c++) starts[c] += starts[c - 1];
        _hits = ArrayPool<ConceptHit>.Shared.Rent(Math.Max(1, hits.Count));
        // Each group fills from its start; the next free place of a group is its start plus what it already holds.
        Span<int> next = concepts <= 1024 ? stackalloc int[concepts] : new int[concepts];
        starts[..concepts].CopyTo(next);
        foreach (var hit in hits) _hits[next[hit.Concept]++] = hit;
    }

    /// <summary>The hits of <paramref name="concept"/>, in text order (empty when it has none).</summary>
    public ReadOnlySpan<ConceptHit> Of(int concept) =>
        concept < _concepts ? _hits.AsSpan(_starts[concept], _starts[concept + 1] - _starts[concept]) : [];

    /// <summary>Whether <paramref name="concept"/> has any hit.</summary>
    public bool Any(int concept) => concept < _concepts && _starts[concept + 1] > _starts[concept];

    public void Dispose()
    {
        _concepts = 0;
        var hits = Interlocked.Exchange(ref _hits, []);
        if (hits.Length == 0) return;
        ArrayPool<ConceptHit>.Shared.Return(hits);
        ArrayPool<int>.Shared.Return(Interlocked.Exchange(ref _starts, []));
    }
}
