using System.Text;
using WorkZoneStandIn.Model;

namespace WorkZoneStandIn;

/// <summary>A file behind a record's Document (what <c>Records('id')/Document/$value</c> returns).</summary>
public sealed record StoredContent(string MediaType, byte[] Bytes);

/// <summary>An incoming Digital Post reply to journalize; attachments become records under it (PrimaryRecordKey_Value).</summary>
public sealed record IncomingSpec(
    string Title, string Text, string CaseId, string? ResponsibleUnit, DateOnly? Created = null,
    IReadOnlyList<(string FileName, string MediaType, byte[] Bytes)>? Attachments = null, string Source = "DP");

/// <summary>
/// The stand-in's WorkZone: records (with version numbers for ETags), their document content and the label-keyed
/// CustomInfos rows. Thread-safe; reads hand out copies so a query never sees a half-applied PATCH.
/// </summary>
public sealed class WorkZoneData(TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (Record Record, int Version)> _records = new();
    private readonly Dictionary<string, StoredContent> _content = new();
    private readonly Dictionary<string, RecordInfoDict> _infos = new();
    private long _nextId = 100000;

    public IReadOnlyList<Record> Snapshot()
    {
        lock (_gate) return _records.Values.Select(r => Copy(r.Record)).ToList();
    }

    public (Record Record, int Version)? Find(string id)
    {
        lock (_gate) return _records.TryGetValue(id, out var r) ? (Copy(r.Record), r.Version) : null;
    }

    public StoredContent? Content(string id)
    {
        lock (_gate) return _records.ContainsKey(id) && _content.TryGetValue(id, out var c) ? c : null;
    }

    public int Count
    {
        get { lock (_gate) return _records.Count; }
    }

    /// <summary>Journalizes an incoming reply (type I, origin Digital Post) and its attachments; returns the main record's ID.</summary>
    public string AddIncoming(IncomingSpec spec)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var created = spec.Created ?? DateOnly.FromDateTime(now.UtcDateTime);
            var main = NewRecord(spec.Title, spec.CaseId, spec.ResponsibleUnit, created, now, spec.Source, "svar.txt", "text/plain");
            _content[main.ID] = new StoredContent("text/plain; charset=utf-8", Encoding.UTF8.GetBytes(spec.Text));
            foreach (var (fileName, mediaType, bytes) in spec.Attachments ?? [])
            {
                var attachment = NewRecord(fileName, spec.CaseId, spec.ResponsibleUnit, created, now, spec.Source, fileName, mediaType);
                attachment.PrimaryRecordKey_Value = main.ID;
                _content[attachment.ID] = new StoredContent(mediaType, bytes);
            }
            return main.ID;
        }
    }

    public enum UpdateOutcome { Missing, Stale, Updated }

    /// <summary>Applies a change when the record exists and (if given) still has <paramref name="expectedVersion"/>.</summary>
    public UpdateOutcome Update(string id, Action<Record> change, int? expectedVersion = null)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(id, out var entry)) return UpdateOutcome.Missing;
            if (expectedVersion is { } v && v != entry.Version) return UpdateOutcome.Stale;
            var copy = Copy(entry.Record);
            change(copy);
            copy.Updated = clock.GetUtcNow();
            _records[id] = (copy, entry.Version + 1);
            return UpdateOutcome.Updated;
        }
    }

    public bool Delete(string id)
    {
        lock (_gate)
        {
            _content.Remove(id);
            return _records.Remove(id);
        }
    }

    public IReadOnlyList<RecordInfoDict> CustomInfos(string recordId)
    {
        lock (_gate) return _infos.Values.Where(i => i.RecordKey_Value == recordId).Select(Copy).ToList();
    }

    public RecordInfoDict? AddCustomInfo(string recordId, RecordInfoDict info)
    {
        lock (_gate)
        {
            if (!_records.ContainsKey(recordId)) return null;
            info.ID = (++_nextId).ToString();
            info.RecordKey_Value = recordId;
            _infos[info.ID] = Copy(info);
            Touch(recordId);
            return info;
        }
    }

    public RecordInfoDict? UpdateCustomInfo(string id, Action<RecordInfoDict> change)
    {
        lock (_gate)
        {
            if (!_infos.TryGetValue(id, out var info)) return null;
            change(info);
            if (info.RecordKey_Value is { } recordId) Touch(recordId);
            return Copy(info);
        }
    }

    private void Touch(string recordId)
    {
        if (_records.TryGetValue(recordId, out var entry))
        {
            entry.Record.Updated = clock.GetUtcNow();
            _records[recordId] = (entry.Record, entry.Version + 1);
        }
    }

    private Record NewRecord(string title, string caseId, string? unit, DateOnly created, DateTimeOffset now, string source,
        string fileName, string mediaType)
    {
        var id = (++_nextId).ToString();
        var record = new Record
        {
            ID = id, Title = title, RecordType_Value = "I", RecordType_Summary = "Indgående", State_Value = "ARK",
            Source_Value = source, Source_Summary = source == "DP" ? "DigitalPost" : source, Medium_Value = "E",
            Created = created, Updated = now, DocTime = now, LetterDate = created, FileKey_Value = caseId,
            ResponsibleOu_Value = unit, FileName = fileName, MimeType = mediaType, Extension = Path.GetExtension(fileName).TrimStart('.'),
            ExternalDocId = "doc-" + id, RecordNo = id,
        };
        _records[id] = (record, 1);
        return record;
    }

    private static Record Copy(Record r) => (Record)r.ShallowCopy();
    private static RecordInfoDict Copy(RecordInfoDict r) => (RecordInfoDict)r.ShallowCopy();
}
