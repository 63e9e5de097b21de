using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Azure.Storage.Queues;
using DataOps.Functions.Registry;
using Moq;

namespace DataOps.Tests.Functions.Registry;

public sealed class RegistryTablesTests
{
    [Fact]
    public async Task EnsureCreatedAsync_FirstAttemptFails_NextCallCreatesAgainThenNoMore()
    {
        var created = Response.FromValue(TableModelFactory.TableItem("created", null, null, null), Mock.Of<Response>());
        var table = new Mock<TableClient>();
        var calls = 0;
        table.Setup(t => t.CreateIfNotExistsAsync(It.IsAny<CancellationToken>()))
            .Returns(() => Interlocked.Increment(ref calls) == 1
                ? Task.FromException<Response<TableItem>>(new RequestFailedException(503, "storage is not up yet"))
                : Task.FromResult(created));
        var tables = new Mock<TableServiceClient>();
        tables.Setup(s => s.GetTableClient(It.IsAny<string>())).Returns(table.Object);
        var queue = new Mock<QueueClient>();
        queue.Setup(q => q.CreateIfNotExistsAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<CancellationToken>())).ReturnsAsync(Mock.Of<Response>());
        var queues = new Mock<QueueServiceClient>();
        queues.Setup(s => s.GetQueueClient(It.IsAny<string>())).Returns(queue.Object);
        var registry = new RegistryTables(tables.Object, queues.Object, Microsoft.Extensions.Options.Options.Create(new RegistryOptions()));

        // A failure at start-up (storage not reachable yet) must not stick: the next use tries again.
        await Assert.ThrowsAsync<RequestFailedException>(registry.EnsureCreatedAsync);
        await registry.EnsureCreatedAsync();
        await registry.EnsureCreatedAsync();

        // Every table once per attempt: the failed one and the one that succeeded; none after that.
        var tableCount = typeof(RegistryTables).GetProperties().Count(p => p.PropertyType == typeof(TableClient));
        table.Verify(t => t.CreateIfNotExistsAsync(It.IsAny<CancellationToken>()), Times.Exactly(2 * tableCount));
        queue.Verify(q => q.CreateIfNotExistsAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
