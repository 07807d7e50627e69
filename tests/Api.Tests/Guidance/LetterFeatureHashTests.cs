using System.Runtime.InteropServices;
using SmartPost.Api.Guidance.Learned;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// The letter model was trained on features hashed by one definition; the fast hash must give the same number for every
/// word, or the committed model would read letters differently than it was trained to.
/// </summary>
public class LetterFeatureHashTests
{
    [Fact]
    public void FastHashEqualsTheByteByByteDefinitionForEveryLengthAndKindOfCharacter()
    {
        // ASCII, Danish and accented letters (one byte wide), and characters whose high byte is not zero (Ŝ, €, a surrogate).
        const string alphabet = "aZ9-æøåÆØÅéüŜ€\uD83D\uDE00";
        var random = new Random(15);
        var checkedWords = 0;
        for (var length = 0; length <= 24; length++)
        {
            for (var n = 0; n < 200; n++)
            {
                var word = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
                foreach (var seed in new uint[] { 0x811C9DC5, 0x01000193, 0x85EBCA6B })
                {
                    Assert.Equal(Definition(seed, word), LetterFeatures.Hash(seed, word));
                    checkedWords++;
                }
            }
        }
        Assert.Equal(25 * 200 * 3, checkedWords);
    }

    /// <summary>As the model's manifest describes it: 8 bytes per multiply, the rest byte by byte.</summary>
    private static uint Definition(uint seed, string text)
    {
        var h = (ulong)seed ^ (ulong)text.Length * 0x9E3779B97F4A7C15;
        var bytes = MemoryMarshal.AsBytes(text.AsSpan());
        while (bytes.Length >= 8)
        {
            h = (h ^ BitConverter.ToUInt64(bytes[..8])) * 0x100000001B3;
            h ^= h >> 29;
            bytes = bytes[8..];
        }
        foreach (var b in bytes) h = (h ^ b) * 0x100000001B3;
        h ^= h >> 32;
        return (uint)h;
    }
}
