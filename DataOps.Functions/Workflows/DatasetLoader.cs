using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Workflows;

/// <summary>Loads datasets for activities and applies a change with a reload-and-retry on concurrent updates.</summary>
internal sealed class DatasetLoader(IDatasetRegistry registry)
{
    /// <summary>Loads a dataset or fails with a clear message.</summary>
    public async Task<DatasetRecord> LoadAsync(DatasetId datasetId, CancellationToken cancellationToken)
        => await registry.GetAsync(datasetId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Dataset '{datasetId}' is not registered.");

    /// <summary>
    /// Loads, applies <paramref name="change"/> and saves; on a concurrent update reloads and applies it again. The
    /// change must be idempotent on the aggregate (the domain's methods are: a change that changes nothing raises nothing).
    /// </summary>
    public async Task<Dataset> UpdateAsync(DatasetId datasetId, Action<Dataset> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var record = await LoadAsync(datasetId, cancellationToken).ConfigureAwait(false);
            change(record.Dataset);
            if (!record.HasChanges)
            {
                return record.Dataset;
            }

            try
            {
                return (await registry.SaveAsync(record, cancellationToken).ConfigureAwait(false)).Dataset;
            }
            catch (RegistryConcurrencyException) when (attempt < 5)
            {
                // Someone else saved first: reload and apply the change to the newer state.
            }
        }
    }
}
