using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Watch;

/// <summary>Walks registry listings page by page for the scans.</summary>
internal sealed class RegistryScans(IDatasetRegistry registry)
{
    /// <summary>Every dataset matching the query, across pages.</summary>
    public async Task<List<DatasetSnapshot>> AllAsync(DatasetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = new List<DatasetSnapshot>();
        string? token = null;
        do
        {
            var page = await registry.ListAsync(query with { PageSize = DatasetQuery.MaxPageSize, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all;
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
        var distinct = candidates.DistinctBy(c => c.Id).ToArray();
        var current = new DatasetSnapshot?[distinct.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, distinct.Length),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var record = await registry.GetAsync(distinct[i].Id, token).ConfigureAwait(false);
                current[i] = record is not null && statuses.Contains(record.Dataset.Status) ? record.Dataset.ToSnapshot() : null;
            }).ConfigureAwait(false);
        return [.. current.OfType<DatasetSnapshot>()];
    }
}
