using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SmartPost.Api.Replies;

/// <summary>
/// Text of a reply's file for screening: plain text, HTML without markup, Word (.docx) paragraphs.
/// Anything else (PDF, images, broken files) returns null: the file is kept and the reply goes to manual screening.
/// </summary>
public static partial class DocumentText
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string? TryExtract(string mediaType, string fileName, byte[] content)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            if (type == "text/plain" || (type.Length == 0 && extension == ".txt")) return Decode(content);
            if (type is "text/html" or "application/xhtml+xml" || extension is ".html" or ".htm") return StripHtml(Decode(content));
            if (type == DocxType || extension == ".docx") return Docx(content);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or RegexMatchTimeoutException
                                   or System.Xml.XmlException or InvalidOperationException)
        {
            return null; // a damaged file is not a reason to lose the reply
        }
        return null;
    }

    /// <summary>UTF-8 unless a byte-order mark says otherwise.</summary>
    private static string Decode(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
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

    private static string Docx(byte[] content)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(content), false);
        var body = doc.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("No document body.");
        return string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
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
