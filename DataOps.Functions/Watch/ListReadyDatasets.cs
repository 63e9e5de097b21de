using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using Microsoft.DurableTask;

namespace DataOps.Functions.Watch;

/// <summary>The READY datasets, for the connector-health sweep.</summary>
internal sealed class ListReadyDatasets(RegistryScans scans) : TaskActivity<object?, IReadOnlyList<DatasetId>>
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<DatasetId>> RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ready = await scans.AllAsync(new DatasetQuery { Status = DatasetStatus.Ready }, CancellationToken.None).ConfigureAwait(false);
        return ready.Select(d => d.Id).OrderBy(id => id.Value, StringComparer.Ordinal).ToArray();
    }
}
