using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace SmartPost.Api.Replies;

/// <summary>Text read from a reply's file; <paramref name="Truncated"/> when the file held more than the cap.</summary>
public sealed record ExtractedText(string Text, bool Truncated);

/// <summary>
/// Text of a reply's file for screening: plain text, HTML without markup, Word (.docx) paragraphs — at most
/// <c>maxCharacters</c> of it. Reading streams and stops at the cap, so a small file that expands to hundreds of
/// megabytes (a zip bomb in a .docx) costs the cap, not the expansion. Anything else (PDF, images, broken files)
/// returns null: the file is kept and the reply goes to manual screening.
/// </summary>
public static partial class DocumentText
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// Unpacked XML read from one .docx part at most. Word's markup is verbose (easily 50 bytes per character of
    /// text), so this is generous; a part with more markup than this is read up to here and marked truncated.
    /// </summary>
    private const long MaxDocxXmlBytes = 64L * 1024 * 1024;

    /// <summary>HTML markup allowed per character of text before the page is cut (before tags are stripped).</summary>
    private const int HtmlMarkupFactor = 4;

    public static ExtractedText? TryExtract(string mediaType, string fileName, byte[] content, int maxCharacters)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            if (type == "text/plain" || (type.Length == 0 && extension == ".txt")) return Decode(content, maxCharacters);
            if (type is "text/html" or "application/xhtml+xml" || extension is ".html" or ".htm")
            {
                var html = Decode(content, maxCharacters * HtmlMarkupFactor);
                return Cap(StripHtml(html.Text), maxCharacters, html.Truncated);
            }
            if (type == DocxType || extension == ".docx") return Docx(content, maxCharacters);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or RegexMatchTimeoutException
                                   or XmlException or InvalidOperationException or NotSupportedException)
        {
            return null; // a damaged file is not a reason to lose the reply
        }
        return null;
    }

    /// <summary>At most <paramref name="maxCharacters"/> characters, cut at the cap.</summary>
    public static ExtractedText Cap(string text, int maxCharacters, bool alreadyTruncated = false) =>
        text.Length > maxCharacters ? new ExtractedText(text[..maxCharacters], true) : new ExtractedText(text, alreadyTruncated);

    /// <summary>UTF-8 unless a byte-order mark says otherwise; reads one character past the cap to know it was cut.</summary>
    private static ExtractedText Decode(byte[] content, int maxCharacters)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[Math.Min(maxCharacters + 1, content.Length + 1)];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var truncated = read > maxCharacters || (read == buffer.Length && reader.Peek() >= 0);
        return new ExtractedText(new string(buffer, 0, Math.Min(read, maxCharacters)), truncated);
    }

    /// <summary>Markup removed without running or fetching anything: scripts/styles dropped, entities decoded.</summary>
    public static string StripHtml(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = Comment().Replace(text, " ");
        text = BlockBreak().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = SpaceRun().Replace(text, " ");
        return ManyNewlines().Replace(text, "\n\n").Trim();
    }

    /// <summary>
    /// The main document part's paragraphs (w:t text, tabs, breaks), read as a stream straight from the zip: text
    /// nodes are read in chunks (no 200 MB strings), and reading stops at the character cap or the markup cap.
    /// </summary>
    private static ExtractedText Docx(byte[] content, int maxCharacters)
    {
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        var entry = zip.GetEntry("word/document.xml") ?? throw new InvalidDataException("No main document part.");
        using var counted = new CountingStream(entry.Open());
        using var reader = XmlReader.Create(counted, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
        });

        var text = new StringBuilder();
        var chunk = new char[4096];
        var inText = false;
        var sawBody = false;
        while (reader.Read())
        {
            if (text.Length > maxCharacters || counted.BytesRead > MaxDocxXmlBytes) return Cap(text.ToString(), maxCharacters, true);
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.NamespaceURI == WordNamespace:
                    sawBody |= reader.LocalName == "body";
                    if (reader.LocalName == "t") inText = !reader.IsEmptyElement;
                    else if (reader.LocalName == "tab") text.Append('\t');
                    else if (reader.LocalName is "br" or "cr") text.Append('\n');
                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI == WordNamespace:
                    if (reader.LocalName == "t") inText = false;
                    else if (reader.LocalName == "p") text.Append('\n');
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when inText:
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        text.Append(chunk, 0, read);
                        if (text.Length > maxCharacters) return Cap(text.ToString(), maxCharacters, true);
                    }
                    break;
            }
        }
        if (!sawBody) throw new InvalidDataException("No document body.");
        return new ExtractedText(text.ToString().TrimEnd('\n'), false);
    }

    /// <summary>Counts the unpacked bytes the XML reader has pulled.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline, 1000)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|/h[1-6]|p|div)\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex BlockBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, 1000)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\u00A0]+", RegexOptions.None, 1000)]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"\s*\n\s*\n\s*", RegexOptions.None, 1000)]
    private static partial Regex ManyNewlines();
}
