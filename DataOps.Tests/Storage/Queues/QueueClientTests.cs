using System.Diagnostics;
using Azure;
using DataOps.Storage.Queues;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Queues;

public sealed class QueueClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly QueueClient _queue =
        new QueueServiceClient(azurite.ConnectionString, StorageTestOptions.Fast()).GetQueueClient(AzuriteFixture.UniqueName("queue"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _queue.CreateIfNotExistsAsync(Ct);

    public async ValueTask DisposeAsync() => await _queue.DeleteIfExistsAsync();

    [Fact]
    public async Task CreateIfNotExistsAsync_Lifecycle_ReportsCreatedExistsAndDeleted()
    {
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(AzuriteFixture.UniqueName("life"));
        Assert.False((await queue.ExistsAsync(Ct)).Value);

        Assert.True((await queue.CreateIfNotExistsAsync(Ct)).Value);
        Assert.False((await queue.CreateIfNotExistsAsync(Ct)).Value);
        Assert.True((await queue.ExistsAsync(Ct)).Value);
        Assert.True((await queue.DeleteIfExistsAsync(Ct)).Value);
        Assert.False((await queue.DeleteIfExistsAsync(Ct)).Value);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.GetPropertiesAsync(Ct));
        Assert.Equal("QueueNotFound", ex.ErrorCode);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("<xml attr=\"1\">&amp; 'quotes'</xml>")]
    [InlineData("{\"json\":true,\"unicode\":\"é中文🙂\"}")]
    [InlineData("eyJiYXNlNjQiOnRydWV9")]
    [InlineData("line1\r\nline2\ttab\rcr  ")]
    [InlineData("")]
    public async Task SendMessageAsync_AnyText_ReceivedExactlyAsSent(string text)
    {
        var receipt = await _queue.SendMessageAsync(text, cancellationToken: Ct);

        var received = (await _queue.ReceiveMessagesAsync(cancellationToken: Ct)).Value.Single();

        Assert.Equal(receipt.Value.MessageId, received.MessageId);
        Assert.Equal(text, received.MessageText);
        Assert.Equal(text, received.Body.ToString());
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(receipt.Value.InsertionTime, received.InsertedOn);
        Assert.True(received.NextVisibleOn > received.InsertedOn);
        Assert.NotEmpty(received.PopReceipt);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_Batch_HidesReceivedMessagesForTheirVisibilityTimeout()
    {
        for (var i = 0; i < 7; i++)
        {
            await _queue.SendMessageAsync($"m{i}", cancellationToken: Ct);
        }

        var first = (await _queue.ReceiveMessagesAsync(5, TimeSpan.FromMinutes(5), Ct)).Value;
        var second = (await _queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), Ct)).Value;
        var third = (await _queue.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value;

        Assert.Equal(5, first.Length);
        Assert.Equal(2, second.Length);
        Assert.Empty(third);
        Assert.Equal(7, first.Concat(second).Select(m => m.MessageText).Distinct().Count());
        Assert.All(first, m => Assert.InRange(m.NextVisibleOn - m.InsertedOn, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6)));
    }

    [Fact]
    public async Task UpdateMessageAsync_ZeroVisibilityAndNewText_MessageReturnsWithNewTextAndHigherDequeueCount()
    {
        await _queue.SendMessageAsync("v1", cancellationToken: Ct);
        var received = (await _queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromMinutes(5), cancellationToken: Ct)).Value.Single();

        var update = await _queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "v2", TimeSpan.Zero, Ct);
        var again = (await _queue.ReceiveMessagesAsync(cancellationToken: Ct)).Value.Single();

        Assert.NotEqual(received.PopReceipt, update.Value.PopReceipt);
        Assert.Equal("v2", again.MessageText);
        Assert.Equal(2, again.DequeueCount);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => _queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, Ct));
        Assert.Equal((400, "PopReceiptMismatch"), (stale.Status, stale.ErrorCode));
        await _queue.DeleteMessageAsync(again.MessageId, again.PopReceipt, Ct);
        Assert.Empty((await _queue.PeekMessagesAsync(32, Ct)).Value);
    }

    [Fact]
    public async Task UpdateMessageAsync_ExtendVisibility_KeepsTextAndHidesMessage()
    {
        await _queue.SendMessageAsync("keep", cancellationToken: Ct);
        var received = (await _queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(1), cancellationToken: Ct)).Value.Single();

        var update = await _queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(10), cancellationToken: Ct);

        Assert.True(update.Value.NextVisibleOn > received.NextVisibleOn.AddMinutes(9));
        Assert.Empty((await _queue.PeekMessagesAsync(32, Ct)).Value);
        var again = await _queue.UpdateMessageAsync(received.MessageId, update.Value.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: Ct);
        Assert.Equal("keep", (await _queue.ReceiveMessagesAsync(cancellationToken: Ct)).Value.Single().MessageText);
        Assert.NotEmpty(again.Value.PopReceipt);
    }

    [Fact]
    public async Task SendMessageAsync_VisibilityDelay_MessageInvisibleUntilDelayPasses()
    {
        var clock = Stopwatch.StartNew();
        var receipt = await _queue.SendMessageAsync("later", TimeSpan.FromSeconds(2), cancellationToken: Ct);

        Assert.Empty((await _queue.ReceiveMessagesAsync(cancellationToken: Ct)).Value);
        Assert.Empty((await _queue.PeekMessagesAsync(cancellationToken: Ct)).Value);
        Assert.Equal(1, (await _queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
        Assert.Equal(TimeSpan.FromSeconds(2), receipt.Value.TimeNextVisible - receipt.Value.InsertionTime);

        var message = await PollReceiveAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("later", message.MessageText);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"received after {clock.Elapsed} although delayed 2 s");
    }

    [Fact]
    public async Task SendMessageAsync_SevenDayDelayAndInfiniteTtl_Accepted()
    {
        var receipt = await _queue.SendMessageAsync("week", QueueClient.MaxVisibilityTimeout, QueueClient.InfiniteTimeToLive, Ct);

        Assert.Equal(TimeSpan.FromDays(7), receipt.Value.TimeNextVisible - receipt.Value.InsertionTime);
        Assert.True(receipt.Value.ExpirationTime.Year >= 9999);
    }

    [Fact]
    public async Task SendMessageAsync_ShortTimeToLive_MessageExpires()
    {
        var receipt = await _queue.SendMessageAsync("brief", timeToLive: TimeSpan.FromSeconds(1), cancellationToken: Ct);
        Assert.Equal(TimeSpan.FromSeconds(1), receipt.Value.ExpirationTime - receipt.Value.InsertionTime);

        await Eventually.HoldsAsync(
            async () => (await _queue.PeekMessagesAsync(cancellationToken: Ct)).Value.Length == 0,
            "the message expires",
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task PeekMessagesAsync_DoesNotReceive_DequeueCountUnchanged()
    {
        await _queue.SendMessageAsync("a", cancellationToken: Ct);
        await _queue.SendMessageAsync("b", cancellationToken: Ct);

        var peeked = (await _queue.PeekMessagesAsync(10, Ct)).Value;
        var peekedAgain = (await _queue.PeekMessagesAsync(10, Ct)).Value;

        Assert.Equal(["a", "b"], peeked.Select(m => m.MessageText));
        Assert.All(peekedAgain, m => Assert.Equal(0, m.DequeueCount));
        Assert.Equal(2, (await _queue.ReceiveMessagesAsync(10, cancellationToken: Ct)).Value.Length);
    }

    [Fact]
    public async Task ClearMessagesAsync_WithMessages_EmptiesQueueAndCountDropsToZero()
    {
        for (var i = 0; i < 4; i++)
        {
            await _queue.SendMessageAsync($"m{i}", cancellationToken: Ct);
        }

        Assert.Equal(4, (await _queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
        await _queue.ClearMessagesAsync(Ct);

        Assert.Equal(0, (await _queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
        Assert.Empty((await _queue.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value);
    }

    [Fact]
    public async Task DeleteMessageAsync_UnknownMessage_Throws404()
    {
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => _queue.DeleteMessageAsync(Guid.NewGuid().ToString(), "AgAAAAMAAAAAAAAA", Ct));

        Assert.Equal(404, ex.Status);
    }

    private async Task<QueueMessage> PollReceiveAsync(TimeSpan deadline)
    {
        var messages = await Eventually.ValueAsync(
            async () => (await _queue.ReceiveMessagesAsync(cancellationToken: Ct)).Value,
            received => received.Length > 0,
            deadline,
            "the delayed message becomes visible");
        return messages[0];
    }
}
