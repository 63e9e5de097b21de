using DataOps.Domain.Datasets;

namespace DataOps.Functions.Registry;

/// <summary>Reads a registry listing to its end, a page of <see cref="DatasetQuery.MaxPageSize"/> at a time.</summary>
public static class DatasetRegistryListing
{
    /// <summary>Every dataset matching <paramref name="query"/> (every dataset when null), across pages.</summary>
    public static async Task<List<DatasetSnapshot>> ListAllAsync(this IDatasetRegistry registry, DatasetQuery? query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var all = new List<DatasetSnapshot>();
        string? token = null;
        do
        {
            var page = await registry.ListAsync((query ?? new DatasetQuery()) with { PageSize = DatasetQuery.MaxPageSize, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return all;
    }
}
