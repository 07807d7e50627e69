using System.Text;

namespace SmartPost.Benchmarks;

/// <summary>
/// The long citizen reply the model-cost measurements share: own words repeated to the size asked for (no closing line,
/// which would mask the rest as a signature) and our quoted letter below. Compiled into the benchmarks and into
/// tools/EvaluateScreening (its --cost mode), so both measure the same text.
/// </summary>
internal static class LongReply
{
    public const string Subject = "Sv: Afgørelse om tidsbegrænset kørekort";

    public const string OwnWords = """
        Kære Færdselsstyrelsen

        Jeg er ikke tilfreds med afgørelsen, og jeg vil gerne have en højere instans til at se på den. Min læge har skrevet,
        at jeg er færdigbehandlet. Send mig også det, politiet har skrevet om mig, og referatet af mødet. Kan vi skubbe
        fristen for lægeerklæringen til efter ferien? Jeg har ikke brug for hjælp til selve ansøgningen.

        """;

    public const string QuotedLetter = """

        -----Oprindelig meddelelse-----
        Fra: Færdselsstyrelsen
        Sendt: 27. maj 2025 10:40
        Emne: Afgørelse om tidsbegrænset kørekort

        Færdselsstyrelsen har besluttet, at dit kørekort skal tidsbegrænses til 2 år. Du kan klage over afgørelsen inden
        4 uger. Du har ret til aktindsigt i sagens dokumenter.
        """;

    /// <summary>The reply's own text: <see cref="OwnWords"/> repeated until own text and quoted letter reach <paramref name="kb"/> kB of UTF-8.</summary>
    public static string OwnText(int kb)
    {
        var own = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(own.ToString()) + Encoding.UTF8.GetByteCount(QuotedLetter) < kb * 1024) own.Append(OwnWords);
        return own.ToString();
    }
}
