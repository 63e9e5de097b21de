using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace DataOps.Testing;

/// <summary>
/// Everything in one storage account, as sorted text lines that compare with <see cref="Diff"/>: every table with every
/// entity (keys, properties with their types, ETag), every queue (approximate message count, metadata, and up to 32
/// visible messages by peek: id, dequeue count, text), every container with every blob (size, content type and
/// encoding, metadata, SHA-256 of the content, ETag). Meant for an account that only the test uses (its own Azurite),
/// so a difference is a change the code under test made.
/// </summary>
/// <remarks>
/// Items that legitimately change while a host idles are named by <see cref="VolatileItem"/> rules: for those, only
/// the change markers (ETag; the Last-Modified time is never recorded) are left out, never their existence or content.
/// Lease state is never recorded: taking or renewing a lease is not a change of data.
/// </remarks>
internal sealed class StorageSnapshot
{
    private const int PeekLimit = 32;

    private StorageSnapshot(SortedDictionary<string, string> entries) => Entries = entries;

    /// <summary>Key (what: <c>table T</c>, <c>entity T | PK | RK</c>, <c>queue Q</c>, <c>message Q | id</c>, <c>container C</c>, <c>blob C | name</c>) to its recorded state.</summary>
    public IReadOnlyDictionary<string, string> Entries { get; }

    /// <summary>Reads the whole account.</summary>
    public static async Task<StorageSnapshot> CaptureAsync(string connectionString, IReadOnlyList<VolatileItem>? volatileItems = null, CancellationToken cancellationToken = default)
    {
        var rules = volatileItems ?? [];
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await CaptureTablesAsync(new TableServiceClient(connectionString), rules, entries, cancellationToken);
        await CaptureQueuesAsync(new QueueServiceClient(connectionString), entries, cancellationToken);
        await CaptureBlobsAsync(new BlobServiceClient(connectionString), rules, entries, cancellationToken);
        return new StorageSnapshot(entries);
    }

    /// <summary>This snapshot without the entries whose key matches <paramref name="exclude"/>.</summary>
    public StorageSnapshot Without(Func<string, bool> exclude)
        => new(new SortedDictionary<string, string>(Entries.Where(e => !exclude(e.Key)).ToDictionary(e => e.Key, e => e.Value), StringComparer.Ordinal));

    /// <summary>The entries whose key matches <paramref name="include"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Where(Func<string, bool> include) => [.. Entries.Where(e => include(e.Key))];

    /// <summary>What changed from <paramref name="before"/> to this snapshot, one line per added (+), removed (-) or changed (~) entry.</summary>
    public IReadOnlyList<string> Diff(StorageSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var lines = new List<string>();
        foreach (var key in before.Entries.Keys.Union(Entries.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.Entries.TryGetValue(key, out var old);
            var has = Entries.TryGetValue(key, out var now);
            if (had && !has)
            {
                lines.Add($"- {key}: {Clip(old)}");
            }
            else if (!had && has)
            {
                lines.Add($"+ {key}: {Clip(now)}");
            }
            else if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                lines.Add($"~ {key}: {Clip(old)} -> {Clip(now)}");
            }
        }

        return lines;
    }

    /// <summary>Whether both snapshots hold the same entries.</summary>
    public bool SameAs(StorageSnapshot other) => Diff(other).Count == 0;

    /// <inheritdoc />
    public override string ToString() => $"{Entries.Count} entries";

    // The keys, timestamp and ETag are part of every entity the SDK returns; the snapshot shows them in its own way.
    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    private static async Task CaptureTablesAsync(TableServiceClient service, IReadOnlyList<VolatileItem> rules, SortedDictionary<string, string> entries, CancellationToken cancellationToken)
    {
        await foreach (var table in service.QueryAsync(cancellationToken: cancellationToken))
        {
            entries[$"table {table.Name}"] = "exists";
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                var properties = string.Join(", ", entity.Keys.Where(k => !SystemProperties.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{k}={Format(entity[k])}"));
                var marker = VolatileItem.Matches(rules, VolatileKind.Entity, table.Name, $"{entity.PartitionKey} | {entity.RowKey}")
                    ? string.Empty
                    : $" etag={entity.ETag}";
                entries[$"entity {table.Name} | {entity.PartitionKey} | {entity.RowKey}"] = $"{{{properties}}}{marker}";
            }
        }
    }

    private static async Task CaptureQueuesAsync(QueueServiceClient service, SortedDictionary<string, string> entries, CancellationToken cancellationToken)
    {
        await foreach (var item in service.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            var queue = service.GetQueueClient(item.Name);
            var properties = (await queue.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            entries[$"queue {item.Name}"] = $"messages={properties.ApproximateMessagesCount} metadata={FormatMap(properties.Metadata)}";
            foreach (var message in (await queue.PeekMessagesAsync(PeekLimit, cancellationToken: cancellationToken)).Value)
            {
                entries[$"message {item.Name} | {message.MessageId}"] = $"dequeued={message.DequeueCount} text={message.MessageText}";
            }
        }
    }

    private static async Task CaptureBlobsAsync(BlobServiceClient service, IReadOnlyList<VolatileItem> rules, SortedDictionary<string, string> entries, CancellationToken cancellationToken)
    {
        await foreach (var item in service.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            entries[$"container {item.Name}"] = "exists";
            var container = service.GetBlobContainerClient(item.Name);
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
            {
                string hash;
                try
                {
                    var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken: cancellationToken)).Value.Content;
                    hash = Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span));
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    // Deleted between the listing and the read: record what the listing saw.
                    hash = "deleted-while-reading";
                }

                var marker = VolatileItem.Matches(rules, VolatileKind.Blob, item.Name, blob.Name) ? string.Empty : $" etag={blob.Properties.ETag}";
                entries[$"blob {item.Name} | {blob.Name}"] =
                    $"length={blob.Properties.ContentLength} type={blob.Properties.ContentType} encoding={blob.Properties.ContentEncoding} metadata={FormatMap(blob.Metadata)} sha256={hash}{marker}";
            }
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"string:{s}",
        byte[] b => $"binary:{Convert.ToBase64String(b)}",
        BinaryData d => $"binary:{Convert.ToBase64String(d.ToArray())}",
        DateTimeOffset d => $"datetime:{d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}",
        DateTime d => $"datetime:{d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)}",
        IFormattable f => $"{value.GetType().Name.ToLowerInvariant()}:{f.ToString(null, CultureInfo.InvariantCulture)}",
        _ => $"{value.GetType().Name.ToLowerInvariant()}:{value}",
    };

    private static string FormatMap(IDictionary<string, string>? map)
        => "{" + string.Join(", ", (map ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) + "}";

    private static string Clip(string? value) => value is null ? string.Empty : value.Length <= 300 ? value : value[..300] + "...";
}

/// <summary>What a <see cref="VolatileItem"/> rule names.</summary>
internal enum VolatileKind
{
    /// <summary>A table entity (scope: the table name; item: <c>PK | RK</c>).</summary>
    Entity,

    /// <summary>A blob (scope: the container name; item: the blob name).</summary>
    Blob,
}

/// <summary>
/// An item whose change markers (ETag) are not compared because it changes while a host merely idles (a heartbeat
/// rewritten with the same content, say). Its existence and content still are. Each rule says why.
/// </summary>
/// <param name="Kind">Entity or blob.</param>
/// <param name="Scope">The exact table or container name.</param>
/// <param name="ItemPrefix">The start of the entity's <c>PK | RK</c> or of the blob's name.</param>
/// <param name="Why">The reason, for whoever reads the test.</param>
internal sealed record VolatileItem(VolatileKind Kind, string Scope, string ItemPrefix, string Why)
{
    /// <summary>Whether a rule covers the item.</summary>
    public static bool Matches(IReadOnlyList<VolatileItem> rules, VolatileKind kind, string scope, string item)
        => rules.Any(r => r.Kind == kind && string.Equals(r.Scope, scope, StringComparison.Ordinal) && item.StartsWith(r.ItemPrefix, StringComparison.Ordinal));
}
