using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DataOps.Testing;

namespace DataOps.Tests.Infrastructure;

public sealed class StorageSnapshotTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Diff_NamesEveryAddedOrRewrittenItem_AndAVolatileRuleHidesOnlyItsETag()
    {
        await using var azurite = await AzuriteProcess.StartAsync(Ct);
        var connection = azurite.ConnectionString;
        var table = new TableServiceClient(connection).GetTableClient("Snap");
        await table.CreateIfNotExistsAsync(cancellationToken: Ct);
        await table.UpsertEntityAsync(new TableEntity("pk1", "rk1") { ["Name"] = "a", ["Count"] = 1 }, TableUpdateMode.Replace, Ct);
        var queue = new QueueServiceClient(connection).GetQueueClient("snapq");
        await queue.CreateIfNotExistsAsync(cancellationToken: Ct);
        await queue.SendMessageAsync("hello", cancellationToken: Ct);
        var container = new BlobServiceClient(connection).GetBlobContainerClient("snapc");
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        await container.GetBlobClient("dir/a.txt").UploadAsync(BinaryData.FromString("A"), overwrite: true, Ct);
        await container.GetBlobClient("heartbeat/worker-1").UploadAsync(BinaryData.FromString("worker-1"), overwrite: true, Ct);
        IReadOnlyList<VolatileItem> rules = [new(VolatileKind.Blob, "snapc", "heartbeat/", "rewritten with the same content while idle")];

        var before = await StorageSnapshot.CaptureAsync(connection, rules, Ct);
        Assert.Empty((await StorageSnapshot.CaptureAsync(connection, rules, Ct)).Diff(before));
        Assert.Contains("table Snap", before.Entries.Keys);
        Assert.Contains("queue snapq", before.Entries.Keys);
        Assert.Contains("container snapc", before.Entries.Keys);
        Assert.StartsWith("{Count=int32:1, Name=string:a} etag=", before.Entries["entity Snap | pk1 | rk1"], StringComparison.Ordinal);
        Assert.Contains(before.Entries, e => e.Key.StartsWith("message snapq | ", StringComparison.Ordinal) && e.Value.EndsWith("text=hello", StringComparison.Ordinal));
        Assert.DoesNotContain(" etag=", before.Entries["blob snapc | heartbeat/worker-1"], StringComparison.Ordinal);

        // The same content written again is still a write, except where a rule says so.
        await table.UpsertEntityAsync(new TableEntity("pk1", "rk1") { ["Name"] = "a", ["Count"] = 1 }, TableUpdateMode.Replace, Ct);
        await table.UpsertEntityAsync(new TableEntity("pk2", "rk1") { ["Name"] = "b" }, TableUpdateMode.Replace, Ct);
        await queue.SendMessageAsync("world", cancellationToken: Ct);
        await container.GetBlobClient("dir/a.txt").UploadAsync(BinaryData.FromString("A"), overwrite: true, Ct);
        await container.GetBlobClient("dir/b.txt").UploadAsync(BinaryData.FromString("B"), overwrite: true, Ct);
        await container.GetBlobClient("heartbeat/worker-1").UploadAsync(BinaryData.FromString("worker-1"), overwrite: true, Ct);
        await new TableServiceClient(connection).CreateTableIfNotExistsAsync("Snap2", Ct);

        var diff = (await StorageSnapshot.CaptureAsync(connection, rules, Ct)).Diff(before);

        Assert.Equal(
            [
                "+ blob snapc | dir/b.txt", "+ entity Snap | pk2 | rk1", "+ message snapq", "+ table Snap2",
                "~ blob snapc | dir/a.txt", "~ entity Snap | pk1 | rk1", "~ queue snapq",
            ],
            diff.Select(Key).Order(StringComparer.Ordinal));
        Assert.Contains(diff, d => d.StartsWith("~ queue snapq: messages=1 metadata={} -> messages=2", StringComparison.Ordinal));
    }

    /// <summary>"+ blob c | name: value" gives "+ blob c | name"; a message's id, which is random, is left out.</summary>
    private static string Key(string line)
    {
        var key = line[..line.IndexOf(": ", StringComparison.Ordinal)];
        return key.StartsWith("+ message ", StringComparison.Ordinal) ? key[..key.IndexOf(" |", StringComparison.Ordinal)] : key;
    }
}
