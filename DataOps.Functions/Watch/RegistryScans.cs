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

    /// <summary>
    /// Re-reads each candidate by id and keeps those still in one of <paramref name="statuses"/>: listings are copies
    /// and may trail the authoritative row by one save.
    /// </summary>
    public async Task<List<DatasetSnapshot>> ConfirmAsync(IEnumerable<DatasetSnapshot> candidates, IReadOnlySet<DatasetStatus> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var confirmed = new List<DatasetSnapshot>();
        foreach (var candidate in candidates.DistinctBy(c => c.Id))
        {
            var current = await registry.GetAsync(candidate.Id, cancellationToken).ConfigureAwait(false);
            if (current is not null && statuses.Contains(current.Dataset.Status))
            {
                confirmed.Add(current.Dataset.ToSnapshot());
            }
        }

        return confirmed;
    }
}
