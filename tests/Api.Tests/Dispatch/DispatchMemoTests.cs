using System.Net;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Dispatch;

public class DispatchMemoTests
{
    [Theory]
    [InlineData(2026, 4, 20, "2026-04-20T21:59:59")] // summer time, UTC+2
    [InlineData(2026, 12, 1, "2026-12-01T22:59:59")] // winter time, UTC+1
    [InlineData(2026, 3, 29, "2026-03-29T21:59:59")] // the day summer time starts
    public void ReplyDeadlineIsTheEndOfTheDanishDayInUtc(int year, int month, int day, string expectedUtc)
    {
        var utc = DispatchMemo.EndOfDayUtc(new DateOnly(year, month, day), "Europe/Copenhagen");
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(expectedUtc, utc.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TodayIsTheDanishDateNotTheUtcDate()
    {
        // 23:30 UTC on 1 March is already 2 March in Copenhagen.
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 2), DispatchMemo.Today(clock, "Europe/Copenhagen"));
    }

    [Fact]
    public async Task RetryWithReorderedAndReformattedBodyIsStillTheSameRequest()
    {
        using var api = new ApiFactory().WithClock(new FixedClock(DispatchRequests.Now));
        var client = api.CreateCaseworkerClient();
        var original = DispatchRequests.Valid();
        var reordered = new JObject(original.Properties().Reverse());

        var first = await (await client.PostDispatchAsync(original, "k-1")).JsonAsync();
        var retry = await client.PostDispatchAsync(reordered, "k-1");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((string)first["dispatchId"]!, (string)(await retry.JsonAsync())["dispatchId"]!);
    }

    [Fact]
    public async Task LetterAboveTheDefaultOneMegabyteLimitIsAccepted()
    {
        using var api = new ApiFactory().WithClock(new FixedClock(DispatchRequests.Now));
        var request = DispatchRequests.Valid();
        request["letter"]!["contentBase64"] = Convert.ToBase64String(new byte[1_500_000]);
        Assert.Equal(HttpStatusCode.Created, (await api.CreateCaseworkerClient().PostDispatchAsync(request)).StatusCode);
    }

    [Fact]
    public async Task BodyAboveTenMegabytesIsPayloadTooLarge()
    {
        using var api = new ApiFactory().WithClock(new FixedClock(DispatchRequests.Now));
        var request = DispatchRequests.Valid();
        request["letter"]!["contentBase64"] = Convert.ToBase64String(new byte[8_000_000]);
        var response = await api.CreateCaseworkerClient().PostDispatchAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
