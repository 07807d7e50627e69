using System.Buffers;
using Newtonsoft.Json;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Text buffers for Newtonsoft.Json readers and writers that come from the shared array pool, for endpoints that read
/// and write JSON themselves: a request body decoded into a rented array, and a response text built in one, so a
/// request allocates neither a StreamReader's nor a StringWriter's buffers.
/// </summary>
public sealed class JsonCharPool : IArrayPool<char>
{
    public static readonly JsonCharPool Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null) ArrayPool<char>.Shared.Return(array);
    }
}

/// <summary>A <see cref="TextReader"/> over the first <c>length</c> characters of an array (a decoded request body).</summary>
public sealed class CharArrayReader(char[] chars, int length) : TextReader
{
    private int _position;

    public override int Peek() => _position < length ? chars[_position] : -1;

    public override int Read() => _position < length ? chars[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, length - _position);
        chars.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}

/// <summary>A <see cref="TextWriter"/> into a rented array that grows by renting a larger one; return it with Dispose.</summary>
public sealed class PooledCharWriter(int initialCapacity) : TextWriter
{
    private char[] _chars = ArrayPool<char>.Shared.Rent(initialCapacity);
    private int _length;

    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public ReadOnlySpan<char> Written => _chars.AsSpan(0, _length);

    public override void Write(char value)
    {
        if (_length == _chars.Length) Grow(1);
        _chars[_length++] = value;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_length + buffer.Length > _chars.Length) Grow(buffer.Length);
        buffer.CopyTo(_chars.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + needed));
        Written.CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _chars, []) is { Length: > 0 } rented) ArrayPool<char>.Shared.Return(rented);
        base.Dispose(disposing);
    }
}
