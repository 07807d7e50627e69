using SmartPost.Api.Replies;
using SmartPost.Api.Text;

namespace SmartPost.Api.Tests.Replies;

/// <summary>The name rule on its own: full names only, Danish-folded, on one line.</summary>
public class RecipientNameMatcherTests
{
    [Theory]
    [InlineData("Hans Jørgen Lassen", "Mvh\nHans Jørgen Lassen", true)]
    [InlineData("Hans Jørgen Lassen", "mvh hans joergen lassen", true)]
    [InlineData("Hans Jørgen Lassen", "Mvh Hans J. Lassen", true)]
    [InlineData("Hans Jørgen Lassen", "Mvh Hans Lassen", true)]
    [InlineData("Hans Lassen", "Mvh Hans Jørgen Lassen", true)]
    [InlineData("Åse Ærø", "Venlig hilsen Aase Aeroe", true)]
    [InlineData("Hans Jørgen Lassen", "Mvh Hans Peter Lassen", false)]
    [InlineData("Hans Jørgen Lassen", "Mvh Hans\nLassen", false)]
    [InlineData("Hans Jørgen Lassen", "Lassen, Hans", false)]
    [InlineData("Hans Jørgen Lassen", "Hans er glad, Lassen er ikke", false)]
    [InlineData("Hans Lassen", "Hansen Lassensen", false)]
    public void FullNameMustStandInTheText(string recipientName, string text, bool expected)
    {
        var words = RecipientNameMatcher.NameWords(recipientName);

        Assert.Equal(expected, RecipientNameMatcher.Appears(text, DanishText.Tokenize(text), words));
    }

    [Theory]
    [InlineData("Hans")]
    [InlineData("H Lassen")]
    [InlineData("")]
    public void OneWordOrAnInitialIsNotAFullName(string recipientName) =>
        Assert.Empty(RecipientNameMatcher.NameWords(recipientName));
}
