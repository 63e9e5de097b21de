using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace DataOps.Tests.LocalHost.ScaleOut;

/// <summary>
/// Who owns which control queue of a task hub, read the way the Azure Storage provider's blob partition manager
/// records it: container <c>{hub}-leases</c>, one <c>ownership/{hub}-control-NN</c> blob per partition, holding a
/// blob lease while a worker owns the partition and naming that worker in its JSON content (<c>Owner</c>).
/// A dead worker's name stays in the content; its ownership ends when the blob lease expires.
/// </summary>
internal static class PartitionLeases
{
    private const string OwnershipFolder = "ownership/";
    private const string ControlQueueMarker = "-control-";

    /// <summary>The ownership lease of every partition that has one, ordered by partition.</summary>
    public static async Task<LeaseSnapshot> ReadAsync(string connectionString, string hubName, CancellationToken cancellationToken)
    {
        var container = new BlobContainerClient(connectionString, hubName.ToLowerInvariant() + "-leases");
        var leases = new List<PartitionLease>();
        try
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = OwnershipFolder }, cancellationToken))
            {
                var marker = item.Name.LastIndexOf(ControlQueueMarker, StringComparison.Ordinal);
                if (marker < 0 || !int.TryParse(item.Name.AsSpan(marker + ControlQueueMarker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var partition))
                {
                    continue;
                }

                var leased = item.Properties.LeaseState == LeaseState.Leased;
                leases.Add(new PartitionLease(partition, leased ? await OwnerAsync(container.GetBlobClient(item.Name), cancellationToken) : null));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The task hub's lease container is not created yet.
        }

        return new LeaseSnapshot([.. leases.OrderBy(l => l.Partition)]);
    }

    private static async Task<string?> OwnerAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(content.Value.Content.ToArray()).TrimStart('\uFEFF'));
            return json.RootElement.TryGetProperty("Owner", out var owner) && owner.ValueKind == JsonValueKind.String ? owner.GetString() : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

/// <summary>The ownership of one partition: its worker while the blob is leased, else null.</summary>
internal sealed record PartitionLease(int Partition, string? Owner);

/// <summary>The ownership leases of a task hub at one moment.</summary>
internal sealed record LeaseSnapshot(IReadOnlyList<PartitionLease> Leases)
{
    /// <summary>The partitions each live owner holds.</summary>
    public IReadOnlyDictionary<string, int[]> ByOwner =>
        Leases.Where(l => l.Owner is not null).GroupBy(l => l.Owner!).ToDictionary(g => g.Key, g => g.Select(l => l.Partition).ToArray());

    public override string ToString() =>
        Leases.Count == 0
            ? "no ownership leases yet"
            : string.Join(", ", Leases.Select(l => string.Create(CultureInfo.InvariantCulture, $"control-{l.Partition:00}: {l.Owner ?? "(not leased)"}")));
}
