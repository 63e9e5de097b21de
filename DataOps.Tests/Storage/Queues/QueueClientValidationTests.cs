using DataOps.Storage.Queues;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Queues;

public sealed class QueueClientValidationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly QueueClient _queue =
        new QueueServiceClient(azurite.ConnectionString, StorageTestOptions.Fast()).GetQueueClient(AzuriteFixture.UniqueName("valid"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _queue.CreateIfNotExistsAsync(Ct);

    public async ValueTask DisposeAsync() => await _queue.DeleteIfExistsAsync();

    [Fact]
    public async Task SendMessageAsync_VisibilityBeyondSevenDays_ThrowsArgumentOutOfRangeAndSendsNothing()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _queue.SendMessageAsync("x", TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1), QueueClient.InfiniteTimeToLive, Ct));

        Assert.Equal("visibilityTimeout", ex.ParamName);
        Assert.Equal(0, (await _queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task SendMessageAsync_DelayNotShorterThanTtl_ThrowsArgumentOutOfRange()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _queue.SendMessageAsync("x", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), Ct));

        Assert.Contains("time-to-live", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public async Task SendMessageAsync_InvalidTtl_ThrowsArgumentOutOfRange(int seconds)
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _queue.SendMessageAsync("x", timeToLive: TimeSpan.FromSeconds(seconds), cancellationToken: Ct));

        Assert.Equal("timeToLive", ex.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task ReceiveMessagesAsync_CountOutOfRange_ThrowsArgumentOutOfRange(int count)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.ReceiveMessagesAsync(count, cancellationToken: Ct));
    }

    [Fact]
    public async Task SendMessageAsync_TextOver64KiB_ThrowsArgumentException()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _queue.SendMessageAsync(new string('x', 65 * 1024), cancellationToken: Ct));

        Assert.Equal("messageText", ex.ParamName);
    }

    [Fact]
    public async Task UpdateMessageAsync_VisibilityBeyondSevenDays_ThrowsArgumentOutOfRange()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _queue.UpdateMessageAsync("id", "pop", visibilityTimeout: TimeSpan.FromDays(8), cancellationToken: Ct));

        Assert.Equal("visibilityTimeout", ex.ParamName);
    }
}
