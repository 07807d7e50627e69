namespace SmartPost.Api.Memo;

/// <summary>Why a MeMo message could not be read.</summary>
public enum MemoErrorKind
{
    /// <summary>Not well-formed XML; <see cref="MemoFormatException.Line"/>/<see cref="MemoFormatException.Position"/> say where.</summary>
    Malformed,

    /// <summary>The document carries a DTD (DOCTYPE): refused, because DTDs enable entity expansion and external entities (XXE).</summary>
    DtdNotAllowed,

    /// <summary>Well-formed, but not a MeMo message or missing what we need (messageUUID, sender, a document).</summary>
    Invalid,
}

/// <summary>A MeMo message that cannot be used, with a message fit for a 400 problem (Danish / English).</summary>
public sealed class MemoFormatException(MemoErrorKind kind, string message, int? line = null, int? position = null, Exception? inner = null)
    : Exception(message, inner)
{
    public MemoErrorKind Kind { get; } = kind;
    public int? Line { get; } = line;
    public int? Position { get; } = position;
}
