using Azure;
using DataOps.Storage.Queues;
using Moq;

namespace DataOps.Tests.Storage.Queues;

public sealed class QueueClientMockingTests
{
    [Fact]
    public async Task SendMessageAsync_MockedClient_ReturnsConfiguredReceipt()
    {
        var receipt = new SendReceipt("id", "pop", DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, DateTimeOffset.UnixEpoch);
        var queue = new Mock<QueueClient>();
        queue.Setup(q => q.SendMessageAsync("hello", null, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(receipt, Mock.Of<Response>()));

        var result = await queue.Object.SendMessageAsync("hello", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("id", result.Value.MessageId);
    }
}
