using System.Globalization;
using DataOps.Testing;

namespace DataOps.Benchmarks.Storage;

/// <summary>The storage services, each on its own Azurite port.</summary>
internal enum StorageService
{
    Blob,
    Queue,
    Table,
}

/// <summary>Storage requests by service and HTTP method over some interval (the difference of two snapshots).</summary>
internal sealed record StorageTraffic(IReadOnlyDictionary<(StorageService Service, string Method), long> Requests)
{
    public long Total => Requests.Values.Sum();

    /// <summary>The storage requests between two <see cref="HttpRequestMeter"/> snapshots, classified by <paramref name="azurite"/>'s ports.</summary>
    public static StorageTraffic Between(IReadOnlyList<HttpRequestCount> before, IReadOnlyList<HttpRequestCount> after, AzuriteProcess azurite)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(azurite);
        var services = new Dictionary<int, StorageService>
        {
            [azurite.BlobEndpoint.Port] = StorageService.Blob,
            [azurite.QueueEndpoint.Port] = StorageService.Queue,
            [azurite.TableEndpoint.Port] = StorageService.Table,
        };
        var earlier = before.ToDictionary(c => (c.Port, c.Method), c => c.Count);
        var requests = new Dictionary<(StorageService, string), long>();
        foreach (var count in after)
        {
            var delta = count.Count - earlier.GetValueOrDefault((count.Port, count.Method));
            if (delta > 0 && services.TryGetValue(count.Port, out var service))
            {
                requests[(service, count.Method)] = delta;
            }
        }

        return new StorageTraffic(requests);
    }

    /// <summary>The mix as shares of the total, largest first (e.g. <c>table GET 41%, queue GET 22%</c>).</summary>
    public string Describe() => Total == 0
        ? "none"
        : string.Join(", ", Requests.OrderByDescending(r => r.Value).Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Key.Service.ToString().ToLowerInvariant()} {Label(r.Key.Method)} {100.0 * r.Value / Total:F0}%")));

    // .NET's HTTP metrics name methods outside the standard set "_OTHER"; the storage clients send only MERGE.
    private static string Label(string method) => method == "_OTHER" ? "MERGE" : method;
}
