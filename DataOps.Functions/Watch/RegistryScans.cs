using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Watch;

/// <summary>Walks registry listings page by page for the scans.</summary>
internal sealed class RegistryScans(IDatasetRegistry registry)
{
    /// <summary>Every dataset matching the query, across pages.</summary>
    public Task<List<DatasetSnapshot>> AllAsync(DatasetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return registry.ListAllAsync(query, cancellationToken);
    }

    /// <summary>Point reads in flight at once when re-reading candidates.</summary>
    public const int ReadParallelism = 8;

    /// <summary>
    /// Re-reads each candidate by id (<see cref="ReadParallelism"/> at a time) and keeps those still in one of
    /// <paramref name="statuses"/>, in the candidates' order: listings are copies and may trail the authoritative row by
    /// one save.
    /// </summary>
    public async Task<List<DatasetSnapshot>> ConfirmAsync(IEnumerable<DatasetSnapshot> candidates, IReadOnlySet<DatasetStatus> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(statuses);
        var current = await ReadEachAsync(
            candidates.DistinctBy(c => c.Id).ToArray(),
            async (candidate, token) => await registry.GetAsync(candidate.Id, token).ConfigureAwait(false) is { } record && statuses.Contains(record.Dataset.Status)
                ? record.Dataset.ToSnapshot()
                : null,
            cancellationToken).ConfigureAwait(false);
        return [.. current.OfType<DatasetSnapshot>()];
    }

    /// <summary>Runs <paramref name="read"/> on each item, <see cref="ReadParallelism"/> at a time; the results in the items' order.</summary>
    public static async Task<TResult[]> ReadEachAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, CancellationToken, Task<TResult>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(read);
        var results = new TResult[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await read(items[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }
}
