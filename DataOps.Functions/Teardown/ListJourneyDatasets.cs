using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Watch;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// The journey's datasets (in one stage, or all) that a teardown should take: not archived, not already tearing down,
/// and not one whose teardown an operator cancelled after the journey event happened (a repeat of the same stage
/// change, delivered late, must not undo the cancel).
/// </summary>
internal sealed class ListJourneyDatasets(RegistryScans scans) : TaskActivity<JourneyDatasetsQuery, IReadOnlyList<DatasetId>>
{
    private static readonly HashSet<DatasetStatus> Eligible = [DatasetStatus.Provisioning, DatasetStatus.Validating, DatasetStatus.Ready, DatasetStatus.Failed];

    /// <inheritdoc />
    public override async Task<IReadOnlyList<DatasetId>> RunAsync(TaskActivityContext context, JourneyDatasetsQuery input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var query = new DatasetQuery { JourneyId = input.JourneyId, Stage = input.Stage };
        var listed = await scans.AllAsync(query, CancellationToken.None).ConfigureAwait(false);
        var confirmed = await scans.ConfirmAsync(listed.Where(d => Eligible.Contains(d.Status)), Eligible, CancellationToken.None).ConfigureAwait(false);
        return confirmed
            .Where(d => !(input.OccurredAt is { } occurred && d.TeardownCancelledAt is { } cancelled && cancelled >= occurred))
            .Select(d => d.Id)
            .OrderBy(id => id.Value, StringComparer.Ordinal)
            .ToArray();
    }
}
